/**
 * The dossier page's style: screen and print. Printed (A4), every page carries the case id at the
 * top and "第 n 页，共 N 页" at the bottom (CSS page margin boxes), and the signature block, which
 * only paper needs, appears at the end.
 */
export function dossierCss(caseId: string): string {
  // The case id goes into a CSS string: keep only characters an id may have (route-param.pipes.ts).
  const id = caseId.replace(/[^A-Za-z0-9._:-]/g, '');
  return `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;font-size:13px;color:#222;margin:24px;}
h1{font-size:20px;margin:0 0 4px;} h2{font-size:15px;border-bottom:2px solid #a33;padding-bottom:2px;margin:22px 0 8px;}
.meta,.muted{color:#666;font-size:12px;} table{border-collapse:collapse;width:100%;margin:4px 0;}
th,td{border:1px solid #bbb;padding:3px 5px;text-align:left;vertical-align:top;} th{background:#f3f3f3;white-space:nowrap;}
table.facts th{width:9em;} .empty{color:#888;font-style:italic;} .ok{color:#170;font-weight:bold;} .broken{color:#b00;font-weight:bold;}
.result{border:2px solid #a33;padding:6px 10px;margin:10px 0;font-size:14px;} .result b{color:#a33;}
.lvl-warning{color:#b70;font-weight:bold;} .lvl-yellow{color:#a80;font-weight:bold;background:#fff6c8;} .lvl-red{color:#b00;font-weight:bold;background:#fde2e2;}
.backdated{background:#fff2e0;} code{font-size:11px;word-break:break-all;white-space:pre-wrap;}
.hash{font-family:monospace;font-size:10px;word-break:break-all;overflow-wrap:anywhere;}
tr:target{outline:2px solid #36c;}
.sign{display:none;margin-top:28px;break-inside:avoid;} .sign table td{height:44px;width:25%;}
@page{size:A4;margin:16mm 12mm 18mm;
  @top-right{content:"办件档案 ${id}";font-size:9px;color:#666;}
  @bottom-center{content:"第 " counter(page) " 页，共 " counter(pages) " 页";font-size:10px;}}
@media print{body{margin:0;font-size:11px;} a{color:inherit;text-decoration:none;} h2{break-after:avoid;} tr{break-inside:avoid;} .noprint{display:none;} .sign{display:block;}}
`;
}
