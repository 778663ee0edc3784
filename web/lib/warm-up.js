// A small invented page and text that the worker analyses once, right after instantiation. V8 compiles
// WebAssembly lazily, function by function, on first call: without this the reader's first analysis pays for
// compiling the whole pipeline (several times the time of a warm one). The inputs touch every stage: a page's
// head and JSON-LD, navigation and boilerplate, headings, lists, quotes, tables and figures, the entity types,
// and the provision statuses and flags; the text takes the plain-text cleaner.

/** An invented news page for the warm-up analysis (HTML path). */
export const WARM_UP_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour board lets ferries dock at night &amp; keeps cargo ban – Example Gazette</title>
<meta property="og:site_name" content="Example Gazette"><meta name="author" content="Nora Feld">
<meta property="article:published_time" content="2031-05-06T08:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour board lets ferries dock at night","author":{"name":"Nora Feld"},"datePublished":"2031-05-06"}</script>
<style>.x{color:red}</style></head>
<body><header><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/login">Log in</a></nav></header>
<main><article><h1>Harbour board lets ferries dock at night</h1>
<p class="byline">By Nora Feld</p><p><time datetime="2031-05-06">6 May 2031</time></p>
<p>The harbour board of Vellmar on Tuesday allowed passenger ferries to dock after midnight from 1 June, its chair, Ida Brandt, said.</p>
<figure><img src="/a.jpg" alt=""><figcaption>Ferries at the north quay. Photo: Example Agency</figcaption></figure>
<p>Cargo ships remain banned from the inner harbour, and the decision does not cover cruise ships, the board said in a statement.</p>
<h2>Sanctions and limits</h2>
<p>The Ministry of Transport lifted a ban on night pilots but imposed a cap of 40 knots, and froze €2.5 million of the operator's assets.</p>
<ul><li>Fishing boats may still moor if the weather allows.</li><li>Drones are prohibited over the quays.</li></ul>
<blockquote>“We will not allow tanks or rifles near the ferries,” said Colonel Erik Sand of the Coast Guard.</blockquote>
<p>Lawmakers proposed a bill that would ban diesel engines by 2035. The port had previously restricted night traffic to 3 vessels.</p>
<table><tr><th>Route</th><th>Ferries</th></tr><tr><td>Vellmar–Ostby</td><td>12</td></tr></table>
<p>Danish and German operators welcomed the move, according to the Baltic Ferry Association, which spent $9 million.</p>
</article>
<aside><h3>Related</h3><ul><li><a href="/1">More news</a></li></ul></aside></main>
<div class="share">Share on social media</div><section class="comments"><p>Comments are closed.</p></section>
<footer><p>© 2031 Example Gazette</p></footer></body></html>`;

/** An invented plain text for the warm-up analysis (text path). */
export const WARM_UP_TEXT = `City lets cafés serve outdoors until midnight

By Tom Reed

The city council of Osterberg will allow cafés to serve outdoors until midnight, Mayor Ana Ruiz said on Friday.

Loud music remains prohibited after 10 p.m., and the rule does not apply to the old market.`;
