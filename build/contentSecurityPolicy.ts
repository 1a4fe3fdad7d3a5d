import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built site: only our own origin, no inline script, no
 * eval, no plugins, no foreign requests. Styles set through the CSSOM (React's `style` prop,
 * d3's `.style()`) are not inline styles in CSP's sense, so `style-src 'self'` holds too.
 * `frame-ancestors` cannot be set from a meta tag: static hosts send it as a header (README).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Adds the policy to index.html in production builds (Vite's dev server needs inline scripts). */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'queuelab-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
      ],
    },
  };
}
