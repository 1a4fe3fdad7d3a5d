// The chapters' prose: MDX modules whose default export renders with the components it is given.
/// <reference types="mdx" />
