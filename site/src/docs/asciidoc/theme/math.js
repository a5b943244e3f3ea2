// Asciidoctor writes latexmath as \( \) and \[ \] spans; KaTeX, shipped inside the site, typesets them.
renderMathInElement(document.body, {
  delimiters: [
    { left: '\\[', right: '\\]', display: true },
    { left: '\\(', right: '\\)', display: false }
  ]
});
// A wide formula scrolls sideways in its box; the keyboard can scroll it too.
document.querySelectorAll('.katex-display').forEach(function (box) { box.setAttribute('tabindex', '0'); });
document.documentElement.setAttribute('data-math', 'done');
