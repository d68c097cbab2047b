"""The HTML report's stylesheet, inlined into every page (no external resources).

Colours are the Okabe–Ito palette, safe for the common colour-vision deficiencies, and every
class also has a second cue that survives greyscale printing: shared = solid bar, paraphrased =
hatching and a dashed bar, unique = dotted bar; each row also carries its class as a word.
"""

from ..palette import DIFF, FACT, STRONG

SHARED, PARAPHRASED, UNIQUE = STRONG["shared"], STRONG["paraphrased"], STRONG["unique"]

CSS = f"""
:root{{--shared:{SHARED};--para:{PARAPHRASED};--unique:{UNIQUE};--fact:{FACT};--diff:{DIFF}}}
*{{box-sizing:border-box}}
body{{font:15px/1.5 "DejaVu Sans",Verdana,Arial,sans-serif;color:#1a1a1a;background:#fff;
margin:0 auto;padding:1em 1.5em 3em;max-width:1400px}}
h1{{font-size:1.6em;margin:.3em 0 .1em}} h2{{font-size:1.25em;margin:1.6em 0 .5em;
border-bottom:2px solid #333;padding-bottom:.15em}}
.sub{{color:#444;margin:0 0 1em}}
table{{border-collapse:collapse;width:100%}}
th,td{{vertical-align:top;text-align:left}}
.muted{{color:#555}}
code,.hash{{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:.85em;word-break:break-all}}
/* class swatches and badges */
.badge{{display:inline-block;font-size:.78em;font-weight:bold;letter-spacing:.03em;
text-transform:uppercase;padding:.05em .45em;border-radius:3px;border:1px solid #333;
background:#fff;white-space:nowrap}}
.badge.shared{{border-left:6px solid var(--shared)}}
.badge.paraphrased{{border-left:6px dashed var(--para)}}
.badge.unique{{border-left:6px dotted var(--unique)}}
.badge.moved{{border-style:double;border-width:3px}}
.badge.verdict{{background:#333;color:#fff}}
.sw{{display:inline-block;width:2.4em;height:1.1em;vertical-align:middle;border:1px solid #333;
margin-right:.4em}}
.sw.shared,.bar .shared{{background:var(--shared)}}
.sw.paraphrased,.bar .paraphrased{{background-color:var(--para);background-image:
repeating-linear-gradient(45deg,transparent 0 4px,rgba(255,255,255,.55) 4px 8px)}}
.sw.unique,.bar .unique{{background-color:var(--unique);background-image:
radial-gradient(rgba(255,255,255,.7) 1.2px,transparent 1.5px);background-size:6px 6px}}
.legend{{display:flex;flex-wrap:wrap;gap:.4em 1.6em;padding:.6em .8em;border:1px solid #bbb;
background:#fafafa}}
.legend div{{display:flex;align-items:center}}
mark.diff{{background:rgba(240,228,66,.55);color:inherit;text-decoration:underline 2px;
text-underline-offset:3px}}
mark.fact{{background:none;color:inherit;outline:2px solid var(--fact);outline-offset:1px;
font-weight:bold}}
mark.diff.fact{{background:rgba(240,228,66,.55)}}
/* summary bars */
.summary td,.summary th{{padding:.3em .5em}}
.bar{{display:flex;height:1.4em;border:1px solid #333;min-width:12em}}
.bar span{{display:block;height:100%}}
/* side-by-side pairs */
table.pairs{{table-layout:fixed}}
table.pairs col.meta{{width:8.5em}}
table.pairs thead th{{background:#333;color:#fff;padding:.4em .6em;position:sticky;top:0}}
table.pairs tr.row{{border-top:1px solid #ccc}}
table.pairs tr.row>th{{padding:.5em .4em;font-weight:normal;font-size:.85em}}
table.pairs tr.row>td{{padding:.5em .7em;white-space:pre-line;overflow-wrap:anywhere}}
tr.shared>td.txt{{background:#e6f1f8;border-left:5px solid var(--shared)}}
tr.paraphrased>td.txt{{background-color:#fdf3dc;border-left:5px dashed var(--para);
background-image:repeating-linear-gradient(45deg,transparent 0 10px,rgba(230,159,0,.10) 10px 12px)}}
tr.unique>td.txt{{background:#f8ebf2;border-left:5px dotted var(--unique)}}
tr.unique>td.gap{{background:repeating-linear-gradient(135deg,#fff 0 6px,#f1f1f1 6px 12px);
color:#666;font-style:italic;font-size:.85em}}
tr.debris>td.txt{{color:#555;font-style:italic}}
.rowno{{display:block;color:#555;font-size:.95em}}
.score{{display:block;margin-top:.2em}}
.where{{display:block;font-size:.85em;color:#444;font-style:italic;white-space:normal}}
.note{{display:block;font-size:.9em;margin-top:.3em;white-space:normal}}
sup.fn{{font-size:.72em;font-weight:bold;color:#1a1a1a;background:#fff;border:1px solid var(--fact);
padding:0 .2em;margin-left:.1em}}
/* facts and uniques */
table.facts th,table.facts td,table.prov th,table.prov td{{border:1px solid #bbb;padding:.35em .5em}}
table.facts thead th,table.prov thead th{{background:#eee}}
table.facts tr.sev3 td.sev{{font-weight:bold;color:#9a3a00}}
table.facts tr.sev3 td.sev::before{{content:"▲ "}}
table.facts tr.sev1 td.sev{{color:#555}}
table.prov th{{width:12em;background:#f6f6f6}}
ul.glance{{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.4em 1.4em;font-size:1.05em}}
ul.glance li.sev3{{font-weight:bold;color:#9a3a00}}
ul.glance li.sev3::before{{content:"▲ "}}
ol.uniques li{{margin:.3em 0;padding:.2em .5em;background:#f8ebf2;border-left:5px dotted var(--unique)}}
ol.repeats>li{{margin:.5em 0;padding:.3em .5em;background:#f3f3f3;border-left:5px double #555}}
ol.repeats ol{{margin:.3em 0 0}}
.cols{{display:grid;grid-template-columns:1fr 1fr;gap:1.5em}}
.cols>div{{min-width:0}}
ol.uniques li,ol.repeats li{{overflow-wrap:anywhere}}
a{{color:#0b4f8a}}
footer{{margin-top:2em;font-size:.85em;color:#555}}
@media (max-width:700px){{
 body{{padding:.5em .7em 2em;font-size:16px}}
 .cols{{grid-template-columns:1fr}}
 table.pairs,table.pairs tbody,table.pairs tr,table.pairs td,table.pairs th{{display:block;width:100%}}
 table.pairs thead,table.pairs colgroup{{display:none}}
 table.pairs tr.row{{margin:0 0 .8em;border:1px solid #999}}
 table.pairs tr.row>th{{background:#f3f3f3}}
 table.pairs tr.row>th .rowno,table.pairs tr.row>th .score{{display:inline;margin-right:.6em}}
 table.pairs td.txt::before{{content:attr(data-side);display:block;font-weight:bold;
  font-style:normal;font-size:.8em;color:#333}}
 table.pairs td.gap{{display:none}}
 table.facts,table.facts tbody,table.facts tr,table.facts td{{display:block;width:100%}}
 table.facts thead{{display:none}}
 table.facts td::before{{content:attr(data-h) ": ";font-weight:bold}}
 table.facts tr{{margin-bottom:.6em}}
 table.summary,table.summary tbody,table.summary tr,table.summary th,table.summary td,
 table.prov,table.prov tbody,table.prov tr,table.prov th,table.prov td{{display:block;width:auto!important}}
 table.summary tr{{margin-bottom:.5em}}
 .bar{{min-width:0}}
 table.pairs td.txt,table.facts td,table.prov td,code{{overflow-wrap:anywhere;word-break:break-word}}
 .legend div{{flex-wrap:wrap}}
}}
@media print{{
 @page{{size:A4;margin:14mm 12mm}}
 body{{font-size:9.5pt;max-width:none;padding:0}}
 *{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
 table.pairs thead th{{position:static}}
 tr,li,.legend{{break-inside:avoid;page-break-inside:avoid}}
 h2{{break-after:avoid;page-break-after:avoid}}
 a{{color:inherit;text-decoration:none}}
}}
"""
