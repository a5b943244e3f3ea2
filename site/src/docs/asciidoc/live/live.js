// The live figures: the playground (an expression, its sliders, its graph and gradients) and the trainer
// (chapter 8's network learning in the page). Both call window.micrograd, the engine compiled from Java.
(function () {
  'use strict';
  if (window.MicrogradLive) {
    return;
  }
  var mg = window.micrograd;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') {
        e.textContent = attrs[k];
      } else if (k.slice(0, 2) === 'on') {
        e.addEventListener(k.slice(2), attrs[k]);
      } else {
        e.setAttribute(k, attrs[k]);
      }
    });
    (children || []).forEach(function (c) { e.appendChild(c); });
    return e;
  }

  function fmt(x, digits) {
    if (typeof x === 'string') {
      return x;
    }
    return x.toFixed(digits === undefined ? 4 : digits);
  }

  // ---- graphs: viz.js draws one DOT at a time; while it draws, only the newest request waits --------

  function GraphView(container) {
    this.container = container;
    this.viz = new Viz();
    this.busy = false;
    this.waiting = null;
  }

  GraphView.prototype.show = function (dot, done) {
    this.waiting = { dot: dot, done: done };
    if (!this.busy) {
      this.drawNext();
    }
  };

  GraphView.prototype.drawNext = function () {
    var self = this;
    var job = self.waiting;
    self.waiting = null;
    self.busy = !!job;
    if (!job) {
      return;
    }
    self.viz.renderSVGElement(job.dot).then(function (svg) {
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', 'the computation graph');
      self.container.replaceChildren(svg);
      if (job.done) {
        job.done();
      }
      self.drawNext();
    }).catch(function (e) {
      // viz.js cannot be used again after a failure: a new instance takes over.
      self.viz = new Viz();
      self.container.textContent = 'The graph could not be drawn: ' + e;
      self.drawNext();
    });
  };

  // ---- the playground -------------------------------------------------------------------------

  /** Expressions from the chapters, with their values: a label, the expression, the values. */
  var EXAMPLES = [
    ['L (chapter 1)', '(a*b + c) * f', { a: 2, b: -3, c: 10, f: -2 }],
    ['neuron (chapter 3)', 'tanh(x1*w1 + x2*w2 + b)', { x1: 2, x2: 0, w1: -3, w2: 1, b: 6.8813735870195432 }],
    ['tanh from exp (chapter 6)', '(exp(2*n) - 1) / (exp(2*n) + 1)', { n: 0.8813735870195432 }],
    ['a + a (chapter 4)', 'a + a', { a: 3 }],
    ['log below zero', 'log(x)', { x: -1 }]
  ];

  function Playground(root) {
    var self = this;
    self.root = root;
    self.values = JSON.parse(root.getAttribute('data-values') || '{}');
    self.mode = root.getAttribute('data-mode') || 'backward';
    self.frame = 0;
    self.input = el('input', {
      type: 'text', class: 'mg-expr', spellcheck: 'false', autocomplete: 'off',
      'aria-label': 'expression', value: root.getAttribute('data-expression') || '(a*b + c) * f',
      oninput: function () { self.update(performance.now()); }
    });
    self.error = el('pre', { class: 'mg-error', role: 'alert', hidden: '' });
    self.vars = el('div', { class: 'mg-vars' });
    self.numericalBox = el('input', { type: 'checkbox', onchange: function () { self.update(performance.now()); } });
    self.caption = el('p', { class: 'mg-caption' });
    self.grads = el('table', { class: 'mg-grads' });
    // The graph keeps its size and scrolls sideways in its box, which the keyboard can scroll too.
    self.graph = el('div', { class: 'mg-graph', tabindex: '0', role: 'group', 'aria-label': 'graph (scrolls sideways)' });
    self.fitBox = el('input', { type: 'checkbox', onchange: function () {
      self.graph.classList.toggle('mg-fit', self.fitBox.checked);
      self.reveal();
    } });
    var buttons = el('div', { class: 'mg-buttons' }, [
      el('button', { type: 'button', class: 'mg-backward', text: 'backward()',
        onclick: function () { self.mode = 'backward'; self.update(performance.now()); } }),
      el('button', { type: 'button', class: 'mg-step', text: 'one step back',
        onclick: function () {
          self.frame = self.mode === 'steps' ? self.frame + 1 : 0;
          self.mode = 'steps';
          self.update(performance.now());
        } }),
      el('button', { type: 'button', class: 'mg-reset', text: 'reset grads',
        onclick: function () { self.mode = 'reset'; self.update(performance.now()); } }),
      el('label', { class: 'mg-toggle' }, [self.numericalBox, document.createTextNode(' numerical gradient')]),
      el('label', { class: 'mg-toggle' }, [self.fitBox, document.createTextNode(' fit graph to width')])
    ]);
    var examples = el('div', { class: 'mg-buttons' });
    if (root.hasAttribute('data-examples')) {
      EXAMPLES.forEach(function (ex) {
        examples.appendChild(el('button', { type: 'button', class: 'mg-example', text: ex[0], onclick: function () {
          self.input.value = ex[1];
          self.mode = 'backward';
          Object.keys(ex[2]).forEach(function (name) {
            self.values[name] = ex[2][name];
            if (self.sliders[name]) {
              self.sliders[name].row.remove();
              delete self.sliders[name];
            }
          });
          self.update(performance.now());
        } }));
      });
    }
    root.replaceChildren(examples, el('label', { class: 'mg-expr-label', text: 'Expression' }, [self.input]), self.error,
      self.vars, buttons, self.caption, self.grads, self.graph);
    self.view = new GraphView(self.graph);
    self.sliders = {};
    self.update(performance.now());
  }

  Playground.prototype.showError = function (message) {
    var m = /at column (\d+)$/.exec(message);
    var text = message;
    if (m) {
      // The expression again, with a caret under the column the message names.
      text = this.input.value + '\n' + ' '.repeat(Math.max(0, +m[1] - 1)) + '^\n' + message;
    }
    this.error.textContent = text;
    this.error.hidden = false;
    this.graph.classList.add('mg-stale');
  };

  Playground.prototype.syncSliders = function (names) {
    var self = this;
    Object.keys(self.sliders).forEach(function (name) {
      if (names.indexOf(name) < 0) {
        self.sliders[name].row.remove();
        delete self.sliders[name];
      }
    });
    names.forEach(function (name, i) {
      if (self.sliders[name]) {
        // Moved only when out of order: moving an element takes the focus from the field being typed in.
        if (self.vars.children[i] !== self.sliders[name].row) {
          self.vars.insertBefore(self.sliders[name].row, self.vars.children[i] || null);
        }
        return;
      }
      if (!(name in self.values)) {
        self.values[name] = 1;
      }
      var value = self.values[name];
      var limit = Math.max(5, Math.ceil(Math.abs(value) * 2));
      var range = el('input', { type: 'range', min: -limit, max: limit, step: 0.01, value: value,
        'aria-label': name + ' slider', 'data-name': name });
      var number = el('input', { type: 'number', step: 'any', value: value, 'aria-label': name, 'data-name': name });
      range.addEventListener('input', function () {
        var t0 = performance.now();
        self.values[name] = +range.value;
        number.value = range.value;
        self.update(t0);
      });
      number.addEventListener('input', function () {
        var t0 = performance.now();
        if (number.value === '' || !isFinite(+number.value)) {
          return;
        }
        self.values[name] = +number.value;
        if (Math.abs(+number.value) > +range.max) {
          // The slider grows to reach a typed value beyond its ends.
          range.max = Math.ceil(Math.abs(+number.value));
          range.min = -range.max;
        }
        range.value = number.value;
        self.update(t0);
      });
      var row = el('div', { class: 'mg-var' }, [el('span', { class: 'mg-name', text: name }), range, number]);
      self.sliders[name] = { row: row, range: range, number: number };
      self.vars.insertBefore(row, self.vars.children[i] || null);
    });
  };

  Playground.prototype.currentValues = function (names) {
    var self = this;
    var values = {};
    names.forEach(function (n) { values[n] = self.values[n]; });
    return values;
  };

  Playground.prototype.update = function (t0) {
    var self = this;
    var expression = self.input.value;
    var vars = JSON.parse(mg.variables(expression));
    if (vars.error) {
      self.showError(vars.error);
      return;
    }
    self.syncSliders(vars.variables);
    var values = self.currentValues(vars.variables);
    var result;
    var dot;
    var frameGrads = null;
    if (self.mode === 'steps') {
      result = JSON.parse(mg.backwardSteps(expression, values));
      if (!result.error) {
        self.frame = Math.min(self.frame, result.frames.length - 1);
        var f = result.frames[self.frame];
        dot = f.dot;
        frameGrads = f.grads;
        self.caption.textContent = 'Step ' + (self.frame + 1) + ' of ' + result.frames.length + ': ' + f.caption
          + (self.frame === result.frames.length - 1 ? ' (the last step: every gradient is in place)' : '');
      }
    }
    var evaluated = JSON.parse(self.mode === 'reset' ? mg.forward(expression, values) : mg.evaluate(expression, values));
    if (result && result.error || evaluated.error) {
      self.showError((result && result.error) || evaluated.error);
      return;
    }
    self.error.hidden = true;
    self.error.textContent = '';
    self.graph.classList.remove('mg-stale');
    if (self.mode !== 'steps') {
      dot = evaluated.dot;
      self.caption.textContent = 'value ' + fmt(evaluated.value, 6)
        + (typeof evaluated.value === 'string' ? ' (the value overflowed)' : '')
        + (self.mode === 'reset' ? ': gradients reset to zero' : ': gradients after backward()');
    }
    // Step by step, the table shows the gradients of the frame on screen, not the final ones.
    self.showGrads(expression, values, self.mode === 'reset' ? null : (frameGrads || evaluated.grads));
    self.view.show(dot, function () {
      self.reveal();
      self.root.setAttribute('data-latency', String(performance.now() - t0));
      self.root.setAttribute('data-drawn', String(+(self.root.getAttribute('data-drawn') || 0) + 1));
    });
  };

  /** Scrolls the graph's box sideways to the highlighted node and its operation, the step that just ran. */
  Playground.prototype.reveal = function () {
    var box = this.graph;
    var left = Infinity;
    var right = -Infinity;
    box.querySelectorAll('.node [fill="#ffd966"]').forEach(function (shape) {
      var r = shape.getBoundingClientRect();
      left = Math.min(left, r.left);
      right = Math.max(right, r.right);
    });
    if (left === Infinity || box.scrollWidth <= box.clientWidth) {
      return;
    }
    var view = box.getBoundingClientRect();
    box.scrollLeft += (left + right) / 2 - (view.left + view.width / 2);
  };

  Playground.prototype.showGrads = function (expression, values, grads) {
    var numerical = this.numericalBox.checked ? JSON.parse(mg.numerical(expression, values)).grads : null;
    var rows = [el('tr', {}, [el('th', { text: 'variable' }), el('th', { text: 'data' }), el('th', { text: 'grad' })]
      .concat(numerical ? [el('th', { text: 'numerical' })] : []))];
    Object.keys(values).forEach(function (name) {
      rows.push(el('tr', {}, [el('td', { text: name }), el('td', { text: fmt(values[name]) }),
        el('td', { text: grads ? fmt(grads[name], 6) : '0' })]
        .concat(numerical ? [el('td', { text: fmt(numerical[name], 6) })] : [])));
    });
    this.grads.replaceChildren.apply(this.grads, rows);
  };

  // ---- the trainer ----------------------------------------------------------------------------

  var BLUE = '#1f77b4';
  var RED = '#d62728';

  function Trainer(root) {
    var self = this;
    self.root = root;
    self.running = false;
    self.history = [];
    self.maxSteps = +(root.getAttribute('data-max-steps') || 0);
    function field(label, input) {
      return el('label', { class: 'mg-field' }, [document.createTextNode(label + ' '), input]);
    }
    self.dataset = el('select', { 'aria-label': 'data set' }, [
      el('option', { value: 'moons', text: 'two moons' }), el('option', { value: 'circles', text: 'two circles' })]);
    self.noise = el('input', { type: 'number', min: 0, max: 0.5, step: 0.05, value: 0.1 });
    self.n = el('input', { type: 'number', min: 4, max: 300, step: 1, value: 100 });
    self.hidden = el('input', { type: 'text', value: '16,16', size: 6 });
    self.activation = el('select', {}, [el('option', { value: 'relu', text: 'relu' }),
      el('option', { value: 'tanh', text: 'tanh' })]);
    self.rate = el('input', { type: 'number', min: 0, max: 5, step: 0.05, value: 0.1 });
    self.schedule = el('input', { type: 'checkbox', checked: '' });
    self.alpha = el('input', { type: 'number', min: 0, max: 0.1, step: 0.0001, value: 0.0001 });
    self.seed = el('input', { type: 'number', min: 0, step: 1, value: 1 });
    self.label = el('select', { 'aria-label': 'class of a clicked point' }, [
      el('option', { value: '-1', text: 'blue (-1)' }), el('option', { value: '1', text: 'red (+1)' })]);
    self.runButton = el('button', { type: 'button', class: 'mg-run', text: 'run', onclick: function () { self.toggle(); } });
    self.plane = el('canvas', { class: 'mg-plane', width: 400, height: 320,
      'aria-label': 'the data and the decision boundary; click to add a point' });
    self.plot = el('canvas', { class: 'mg-plot', width: 400, height: 140, 'aria-label': 'loss and accuracy per step' });
    self.stats = el('p', { class: 'mg-stats', 'aria-live': 'polite' });
    self.error = el('p', { class: 'mg-error', role: 'alert', hidden: '' });
    self.plane.addEventListener('click', function (e) { self.click(e); });
    root.replaceChildren(
      el('div', { class: 'mg-controls' }, [
        field('data', self.dataset), field('points', self.n), field('noise', self.noise),
        field('hidden layers', self.hidden), field('activation', self.activation), field('learning rate', self.rate),
        el('label', { class: 'mg-field' }, [self.schedule, document.createTextNode(' chapter 8\u2019s schedule, 1.0 to 0.1')]),
        field('L2', self.alpha), field('seed', self.seed)]),
      el('div', { class: 'mg-buttons' }, [self.runButton,
        el('button', { type: 'button', class: 'mg-train-step', text: 'step', onclick: function () { self.steps(1); } }),
        el('button', { type: 'button', class: 'mg-train-reset', text: 'reset', onclick: function () { self.reset(); } }),
        field('a click adds', self.label)]),
      self.error, self.plane, self.plot, self.stats);
    self.reset();
  }

  Trainer.prototype.reset = function () {
    var result = JSON.parse(mg.trainer.reset({
      dataset: this.dataset.value, n: +this.n.value, noise: +this.noise.value, hidden: this.hidden.value,
      activation: this.activation.value, alpha: +this.alpha.value, seed: +this.seed.value }));
    if (result.error) {
      this.error.textContent = result.error;
      this.error.hidden = false;
      this.pause();
      return;
    }
    this.error.hidden = true;
    this.history = [];
    this.last = null;
    this.box = this.dataset.value === 'moons' ? [-1.5, 2.5, -1.0, 1.5] : [-1.6, 1.6, -1.3, 1.3];
    this.draw();
  };

  Trainer.prototype.learningRate = function (k) {
    // Chapter 8's schedule comes from the engine, so the browser and the chapter share one copy.
    return this.schedule.checked ? mg.trainer.learningRate(k) : +this.rate.value;
  };

  Trainer.prototype.steps = function (count) {
    var last;
    for (var i = 0; i < count; i++) {
      last = JSON.parse(mg.trainer.steps(1, this.learningRate(this.history.length)));
      if (last.error) {
        this.error.textContent = last.error;
        this.error.hidden = false;
        this.pause();
        return;
      }
      this.history.push(last);
    }
    this.last = last;
    this.draw();
  };

  Trainer.prototype.toggle = function () {
    if (this.running) {
      this.pause();
    } else {
      this.running = true;
      this.runButton.textContent = 'pause';
      this.tick();
    }
  };

  Trainer.prototype.pause = function () {
    this.running = false;
    this.runButton.textContent = 'run';
  };

  Trainer.prototype.tick = function () {
    var self = this;
    if (!self.running) {
      return;
    }
    if (self.maxSteps && self.history.length >= self.maxSteps) {
      self.pause();
      return;
    }
    // One step per frame keeps the page responsive: no worker can run from a file:// page.
    self.steps(1);
    requestAnimationFrame(function () { self.tick(); });
  };

  Trainer.prototype.click = function (e) {
    var r = this.plane.getBoundingClientRect();
    var b = this.box;
    var x = b[0] + (e.clientX - r.left) / r.width * (b[1] - b[0]);
    var y = b[3] - (e.clientY - r.top) / r.height * (b[3] - b[2]);
    mg.trainer.add(x, y, +this.label.value);
    this.draw();
  };

  Trainer.prototype.draw = function () {
    var b = this.box;
    var g = this.plane.getContext('2d');
    var w = this.plane.width;
    var h = this.plane.height;
    var columns = 50;
    var rows = 40;
    var cells = mg.trainer.boundary(columns, rows, b);
    for (var j = 0; j < rows; j++) {
      for (var i = 0; i < columns; i++) {
        var t = (cells.charCodeAt(j * columns + i) - 97) / 19;
        // From light blue (surely -1) through white to light red (surely +1).
        var red = Math.round(t < 0.5 ? 198 + (255 - 198) * t * 2 : 255 - (255 - 252) * (t - 0.5) * 2);
        var green = Math.round(t < 0.5 ? 219 + (255 - 219) * t * 2 : 255 - (255 - 187) * (t - 0.5) * 2);
        var blue = Math.round(t < 0.5 ? 239 + (255 - 239) * t * 2 : 255 - (255 - 161) * (t - 0.5) * 2);
        g.fillStyle = 'rgb(' + red + ',' + green + ',' + blue + ')';
        g.fillRect(Math.floor(i * w / columns), Math.floor(j * h / rows), Math.ceil(w / columns) + 1, Math.ceil(h / rows) + 1);
      }
    }
    mg.trainer.points().forEach(function (p) {
      g.beginPath();
      g.arc((p[0] - b[0]) / (b[1] - b[0]) * w, (b[3] - p[1]) / (b[3] - b[2]) * h, 4, 0, 2 * Math.PI);
      g.fillStyle = p[2] < 0 ? BLUE : RED;
      g.fill();
      g.strokeStyle = '#fff';
      g.stroke();
    });
    this.drawPlot();
    var s = this.last;
    this.stats.textContent = s
      ? 'step ' + s.steps + ', loss ' + fmt(s.loss) + ', accuracy ' + Math.round(100 * s.accuracy) + '%, '
        + s.nodes + ' graph nodes per step, ' + fmt(s.msPerStep, 1) + ' ms per step'
      : 'Press run or step to train; click the plane to add a point.';
    this.root.setAttribute('data-steps', String(this.history.length));
    this.root.setAttribute('data-accuracy', s ? String(s.accuracy) : '');
  };

  Trainer.prototype.drawPlot = function () {
    var g = this.plot.getContext('2d');
    var w = this.plot.width;
    var h = this.plot.height;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, w, h);
    g.strokeStyle = '#ccc';
    g.strokeRect(0.5, 0.5, w - 1, h - 1);
    var hist = this.history;
    if (hist.length < 2) {
      return;
    }
    var maxLoss = Math.max.apply(null, hist.map(function (s) { return s.loss; }));
    function line(color, value, top) {
      g.strokeStyle = color;
      g.beginPath();
      hist.forEach(function (s, k) {
        var x = k / (hist.length - 1) * (w - 10) + 5;
        var y = h - 5 - value(s) / top * (h - 20);
        if (k === 0) {
          g.moveTo(x, y);
        } else {
          g.lineTo(x, y);
        }
      });
      g.stroke();
    }
    line(BLUE, function (s) { return s.loss; }, maxLoss);
    line(RED, function (s) { return s.accuracy; }, 1);
    g.font = '12px sans-serif';
    g.fillStyle = BLUE;
    g.fillText('loss (max ' + fmt(maxLoss, 3) + ')', 8, 14);
    g.fillStyle = RED;
    g.fillText('accuracy', w - 70, 14);
  };

  window.MicrogradLive = { Playground: Playground, Trainer: Trainer };

  function start() {
    document.querySelectorAll('.mg-playground').forEach(function (root) { root.mgLive = new Playground(root); });
    document.querySelectorAll('.mg-trainer').forEach(function (root) { root.mgLive = new Trainer(root); });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
