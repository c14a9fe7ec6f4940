/**
 * Vite plugin: publishes the guides next to the app, with one stylesheet (model.css):
 * docs/model.md as model.html, so that "How this is computed" can link to the matching section of
 * the model guide, also offline; and docs/teaching.md as teaching.html, the lesson plan, whose
 * links (`./?scenario=…&step=3`) open the app at each story step. The Markdown is rendered at build
 * time (marked); the pages have no script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import type { Plugin } from 'vite';

const ROOT = join(import.meta.dirname, '../..');
export const GUIDE_SOURCE = join(ROOT, 'docs/model.md');

/** Each guide: its Markdown file, the page it is published as, and the page's title. */
export const GUIDES = [
  { source: GUIDE_SOURCE, page: 'model.html', title: 'The model guide' },
  { source: join(ROOT, 'docs/teaching.md'), page: 'teaching.html', title: 'Teaching notes' },
] as const;

const CSS = `body{margin:0;font:16px/1.55 system-ui,sans-serif;color:#0f172a;background:#f8fafc}
main{max-inline-size:60rem;margin:0 auto;padding:1.5rem}
a{color:#1d4ed8}
code{font-size:.88em;background:#eef2f7;padding:0 .2em;border-radius:.2em;overflow-wrap:anywhere}
table{border-collapse:collapse;display:block;overflow-x:auto;font-size:.9rem}
th,td{border:1px solid #cbd5e1;padding:.25rem .5rem;vertical-align:top}
:target{background:#fef9c3}
a[id]:target+*{background:#fef9c3}
`;

/** A guide as a page: relative links into the repository become plain text (they lead nowhere here). */
export function renderGuide(markdown: string, title: string = GUIDES[0].title): string {
  const body = marked.parse(markdown.replace(/\[([^\]]+)\]\((\.\.\/[^)]+)\)/g, '$1 (`$2`)'), { async: false });
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Leverage Lab</title>
<link rel="icon" href="favicon.png" type="image/png">
<link rel="stylesheet" href="model.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function guidePlugin(): Plugin {
  return {
    name: 'leverage-lab-model-guide',
    generateBundle() {
      for (const guide of GUIDES) {
        this.addWatchFile(guide.source);
        this.emitFile({
          type: 'asset',
          fileName: guide.page,
          source: renderGuide(readFileSync(guide.source, 'utf8'), guide.title),
        });
      }
      this.emitFile({ type: 'asset', fileName: 'model.css', source: CSS });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0];
        const guide = GUIDES.find((g) => path === `/${g.page}`);
        if (guide) {
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(renderGuide(readFileSync(guide.source, 'utf8'), guide.title));
        } else if (path === '/model.css') {
          res.setHeader('Content-Type', 'text/css');
          res.end(CSS);
        } else next();
      });
    },
  };
}
