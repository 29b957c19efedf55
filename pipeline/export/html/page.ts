export { PAGE_PATH, PageSink } from './page-sink.ts';
export { escapeHtml, scriptJson } from './template.ts';
