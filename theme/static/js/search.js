// The search page: Pagefind's own interface (its texts follow <html lang>), with the
// article's date and category under each result, labelled in the page's language.
(function () {
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") return;
  document.getElementById("search-fallback").hidden = true;
  var labels = { date: box.dataset.labelDate, category: box.dataset.labelCategory };
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: box.dataset.bundle,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
    processResult: function (result) {
      var meta = {};
      Object.keys(labels).forEach(function (key) {
        if (result.meta[key]) meta[labels[key]] = result.meta[key];
      });
      meta.title = result.meta.title;
      result.meta = meta;
      return result;
    },
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
