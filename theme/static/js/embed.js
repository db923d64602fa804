/* Click-to-load embeds: show the button, and swap in the iframe only when asked.
   Without JavaScript the placeholder's plain link to the source still works. */
(function () {
  "use strict";
  var embeds = document.querySelectorAll(".embed");
  Array.prototype.forEach.call(embeds, function (embed) {
    var button = embed.querySelector(".embed__load");
    var template = embed.querySelector("template.embed__frame");
    if (!button || !template || !("content" in template)) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = template.content.querySelector("iframe");
      if (!frame) return;
      frame = frame.cloneNode(true);
      frame.className = "embed__iframe";
      var placeholder = embed.querySelector(".embed__placeholder");
      embed.insertBefore(frame, placeholder);
      placeholder.querySelector(".embed__actions").removeChild(button);
      embed.classList.add("embed--loaded");
      frame.focus();
    });
  });
})();
