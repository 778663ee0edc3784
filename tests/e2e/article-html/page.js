// Renders report.article.html of one hostile page (?page=NAME, ?options=JSON) with innerHTML, the way a
// surface shows a reader view, for tests/e2e/article-html.test.mjs to click every link. The pages are
// invented; each tries to turn the article's links into scripts.
import { createAnalyzer } from '/web/lib/articlescope.js';

const body =
  '<article><h1>Harbour board backs the northern quay</h1>' +
  '<p>The harbour board on Monday approved a plan for the northern quay, the chair said. ' +
  '<a href="plan">Read the plan</a>, <a href="/annex/2">the annex</a> and <a href="?page=2">the next page</a>. ' +
  'Small boats keep their berths through the winter, and the ferry timetable stays as it is.</p>' +
  '<p>The board meets again in spring to review the new berths. <a href="HOSTILE">Contact the board</a>.' +
  '<img src="https://images.example/pier.jpg" alt="The pier"><img data-src="/lazy/quay.jpg" alt="The quay"></p>' +
  '</article>';

function pageWith(head, hostileLink = 'javascript:alert(document.domain)') {
  return `<html><head><title>Harbour board backs the northern quay</title>${head}</head><body>${body.replace('HOSTILE', hostileLink)}</body></html>`;
}

export const PAGES = {
  'canonical-javascript': pageWith('<link rel="canonical" href="javascript://%0aalert(document.domain)//">'),
  'canonical-data': pageWith('<link rel="canonical" href="data://text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==/">'),
  'og-url-javascript': pageWith('<meta property="og:url" content="javascript://%0aalert(1)//">'),
  'base-javascript': pageWith('<base href="javascript://%0aalert(document.domain)//"><link rel="canonical" href="https://harbour.example/news/quay">'),
  'hostile-hrefs': pageWith('<link rel="canonical" href="https://harbour.example/news/quay">', 'java&#x09;script:alert(1)'),
};

async function run() {
  const params = new URLSearchParams(location.search);
  const options = JSON.parse(params.get('options') ?? '{}');
  const analyzer = await createAnalyzer();
  const report = analyzer.analyze(PAGES[params.get('page')], { format: 'html', ...options });
  document.getElementById('article').innerHTML = report.article.html;
  return { links: document.querySelectorAll('#article a').length, html: report.article.html };
}

run().then(
  (result) => {
    window.__rendered = result;
  },
  (error) => {
    window.__rendered = { failed: String(error && error.stack ? error.stack : error) };
  },
);
