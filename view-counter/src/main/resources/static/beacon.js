/* Newsroom view beacon: <script async src="https://COUNTER/beacon.js" data-article="ARTICLE_ID"></script> */
(function (d, n) {
  var s = d.currentScript; if (!s) return;
  var a = s.getAttribute('data-article'); if (!a) return;
  var u = new URL('/api/views', s.src).href;
  var id = (self.crypto && crypto.randomUUID) ? crypto.randomUUID() :
    'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, function (c) {
      var r = Math.random() * 16 | 0; return (c == 'x' ? r : (r & 3 | 8)).toString(16);
    });
  var body = JSON.stringify({ articleId: a, viewId: id });
  function send() {
    if (n.sendBeacon && n.sendBeacon(u, new Blob([body], { type: 'text/plain' }))) return;
    fetch(u, { method: 'POST', body: body, credentials: 'include', keepalive: true,
      headers: { 'Content-Type': 'text/plain' } }).catch(function () {});
  }
  if (d.prerendering) d.addEventListener('prerenderingchange', send, { once: true }); else send();
})(document, navigator);
