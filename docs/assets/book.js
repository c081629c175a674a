// Material gives every code block a <nav> holding its copy button; navigation landmarks that
// share one name confuse screen readers, so each gets its own, in the page's language.
const codeButtons = document.documentElement.lang.startsWith("zh") ? "代码块按钮" : "Code block buttons"
new MutationObserver(() => {
  document.querySelectorAll("nav.md-code__nav").forEach((nav, index) => {
    nav.setAttribute("aria-label", `${codeButtons} ${index + 1}`)
  })
}).observe(document.body, { childList: true, subtree: true })
