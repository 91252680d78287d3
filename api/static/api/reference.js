// The API reference page: Swagger UI (served from our static files) on the schema named by the page.
// No inline script, so the page keeps the site's Content-Security-Policy.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var node = document.getElementById("swagger-ui");
    if (!node || typeof window.SwaggerUIBundle !== "function") {
      return;
    }
    var csrf = (document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/) || [])[1];
    window.SwaggerUIBundle({
      url: node.getAttribute("data-schema-url"),
      domNode: node,
      deepLinking: true,
      // Calls made from the page use the browser's session: unsafe methods need the CSRF token.
      requestInterceptor: function (request) {
        if (csrf && request.method && request.method.toUpperCase() !== "GET") {
          request.headers["X-CSRFToken"] = decodeURIComponent(csrf);
        }
        return request;
      }
    });
  });
})();
