import { downloadText as downloadAs } from '../../app/export/download';

/** Offers text as a file download (JSON unless said otherwise), the way every export of the app does. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadAs(fileName, text, type);
}

/** Copies text to the clipboard; false when the browser refused (no permission, insecure page). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
