/**
 * A self-contained documentation page: no CDN (the API must be browsable offline and behind strict
 * networks). It fetches /openapi.json and renders the operations with their schemas.
 */
export const DOCS_HTML = `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>SIGAP API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
header{background:#0b4f6c;color:#fff;padding:16px 24px}main{max-width:980px;margin:0 auto;padding:16px}
details{background:#fff;border:1px solid #d9dee5;border-radius:6px;margin:8px 0;padding:8px 12px}
summary{cursor:pointer}.m{display:inline-block;min-width:56px;font-weight:600;font-family:monospace}
.GET{color:#0a7d32}.POST{color:#8a5a00}.PATCH{color:#6b2fb3}.DELETE{color:#b3261e}
code,pre{font-family:ui-monospace,monospace;font-size:13px}pre{background:#f0f2f5;padding:8px;overflow:auto}
.tag{font-size:12px;color:#5a6472}
</style></head><body><header><h1 style="margin:0">SIGAP API</h1>
<div>Dokumen mesin: <a style="color:#cfe8ff" href="openapi.json">openapi.json</a></div></header>
<main id="root">Memuat…</main>
<script>
fetch('openapi.json').then(r=>r.json()).then(doc=>{
  const root=document.getElementById('root');root.textContent='';
  const p=document.createElement('p');p.textContent=doc.info.description;root.appendChild(p);
  for(const [path,ops] of Object.entries(doc.paths)){for(const [m,op] of Object.entries(ops)){
    const d=document.createElement('details');const s=document.createElement('summary');
    s.innerHTML='<span class="m '+m.toUpperCase()+'">'+m.toUpperCase()+'</span> <code></code> — <span class="sum"></span> <span class="tag"></span>';
    s.querySelector('code').textContent=path;s.querySelector('.sum').textContent=op.summary||'';
    s.querySelector('.tag').textContent=op.description||'';d.appendChild(s);
    const pre=document.createElement('pre');pre.textContent=JSON.stringify({parameters:op.parameters,requestBody:op.requestBody,responses:op.responses},null,2);
    d.appendChild(pre);root.appendChild(d);}}
  const c=document.createElement('details');c.innerHTML='<summary>Skema (components)</summary>';
  const pre=document.createElement('pre');pre.textContent=JSON.stringify(doc.components,null,2);c.appendChild(pre);root.appendChild(c);
}).catch(e=>{document.getElementById('root').textContent='Gagal memuat openapi.json: '+e});
</script></body></html>`;
