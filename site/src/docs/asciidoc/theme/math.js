// Asciidoctor writes latexmath as \( \) and \[ \] spans; KaTeX, shipped inside the site, typesets them.
renderMathInElement(document.body, {
  delimiters: [
    { left: '\\[', right: '\\]', display: true },
    { left: '\\(', right: '\\)', display: false }
  ]
});
document.documentElement.setAttribute('data-math', 'done');
