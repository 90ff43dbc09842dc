// Sends the CSRF token with every htmx request, so htmx forms work with CSRF protection on.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) event.detail.headers[header.content] = token.content;
});
