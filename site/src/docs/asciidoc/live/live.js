// The live figures: the playground (an expression, its sliders, its graph and gradients) and the trainer
// (chapter 8's network learning in the page). Both call window.micrograd, the engine compiled from Java.
(function () {
  'use strict';
  if (window.MicrogradLive) {
    return;
  }
  var mg = window.micrograd;
  // The live folder, from this script's own address: viz.js is fetched from beside it when a graph is drawn.
  var LIVE = (document.currentScript && document.currentScript.src || '').replace(/[^/]*$/, '');

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
    return typeof x === 'number' ? x.toFixed(digits === undefined ? 4 : digits) : String(x);
  }

  function grouped(n) {
    return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  /** A polite live region, visually hidden, that speaks a message only after the page has been quiet a while. */
  function Announcer(parent, delay) {
    this.region = el('p', { class: 'mg-sr-only', 'aria-live': 'polite' });
    parent.appendChild(this.region);
    this.delay = delay;
    this.timer = 0;
    this.said = '';
  }

  Announcer.prototype.say = function (text, now) {
    var self = this;
    clearTimeout(self.timer);
    var speak = function () {
      if (text !== self.said) {
        self.said = text;
        self.region.textContent = text;
      }
    };
    if (now) {
      speak();
    } else {
      self.timer = setTimeout(speak, self.delay);
    }
  };

  // ---- graphs: Graphviz (viz.js, WebAssembly) lays them out in a worker, so a large graph never freezes the page ----

  var vizSource = null;

  function loadVizSource() {
    if (!vizSource) {
      vizSource = new Promise(function (resolve, reject) {
        var s = el('script', { src: LIVE + 'viz/viz-source.js' });
        s.onload = function () { resolve(window.MICROGRAD_VIZ_SOURCE); };
        s.onerror = function () { reject(new Error('viz.js could not be loaded')); };
        document.head.appendChild(s);
      });
    }
    return vizSource;
  }

  // One Graphviz instance for the worker's life: making one compiles its WebAssembly again.
  var WORKER_CODE = '\nvar instance = Viz.instance();\nself.onmessage = function (e) {\n'
    + '  instance.then(function (viz) {\n'
    + '    try { self.postMessage({ id: e.data.id, svg: viz.renderString(e.data.dot, { format: "svg" }) }); }\n'
    + '    catch (err) { self.postMessage({ id: e.data.id, error: String(err && err.message || err) }); }\n'
    + '  });\n'
    + '};\n';

  function GraphView(container) {
    this.container = container;
    this.worker = null;
    this.busy = null;
    this.waiting = null;
    this.ids = 0;
  }

  GraphView.nodes = function (dot) {
    var n = 0;
    var i = -1;
    while ((i = dot.indexOf('shape=', i + 1)) >= 0) {
      n++;
    }
    return n;
  };

  /** Draws the graph of an answer from the engine: its DOT text, or, for a graph too large to draw, its size. */
  GraphView.prototype.show = function (answer, done) {
    var self = this;
    var dot = answer.dot;
    if (!dot) {
      self.waiting = null;
      self.restart();
      var p = el('p', { class: 'mg-too-big', text: 'This graph has ' + grouped(answer.nodes) + ' nodes; the playground'
        + ' draws graphs of up to ' + grouped(answer.limit) + ' nodes, so it is not drawn. The value and the gradients'
        + ' above are exact.' });
      self.container.replaceChildren(p);
      if (done) {
        done();
      }
      return;
    }
    self.waiting = { dot: dot, done: done, nodes: GraphView.nodes(dot) };
    if (self.busy && performance.now() - self.busy.started > 300) {
      // A long layout that nobody wants any more: stop it rather than make the reader wait.
      self.restart();
    }
    if (!self.busy) {
      self.drawNext();
    }
  };

  GraphView.prototype.restart = function () {
    if (this.worker) {
      this.worker.terminate();
      this.worker = null;
    }
    this.busy = null;
  };

  GraphView.prototype.startWorker = function () {
    var self = this;
    return loadVizSource().then(function (source) {
      if (!self.worker) {
        var url = URL.createObjectURL(new Blob([source + WORKER_CODE], { type: 'text/javascript' }));
        self.worker = new Worker(url);
        URL.revokeObjectURL(url);
        self.worker.onmessage = function (e) { self.drawn(e.data); };
      }
      return self.worker;
    });
  };

  GraphView.prototype.drawNext = function () {
    var self = this;
    var job = self.waiting;
    self.waiting = null;
    if (!job) {
      return;
    }
    job.id = ++self.ids;
    job.started = performance.now();
    self.busy = job;
    self.container.setAttribute('aria-busy', 'true');
    self.startWorker().then(function (worker) {
      if (self.busy === job) {
        worker.postMessage({ id: job.id, dot: job.dot });
      }
    }).catch(function (e) {
      self.busy = null;
      self.container.textContent = 'The graph could not be drawn: ' + e.message;
    });
  };

  GraphView.prototype.drawn = function (answer) {
    var job = this.busy;
    if (!job || answer.id !== job.id) {
      return;
    }
    this.busy = null;
    this.container.removeAttribute('aria-busy');
    if (answer.error) {
      this.container.textContent = 'The graph could not be drawn: ' + answer.error;
    } else {
      var svg = new DOMParser().parseFromString(answer.svg, 'image/svg+xml').documentElement;
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', 'the computation graph, ' + job.nodes + ' nodes');
      this.container.replaceChildren(document.importNode(svg, true));
    }
    if (job.done) {
      job.done();
    }
    this.drawNext();
  };

  /** Scrolls the graph's box sideways to the highlighted node and its operation (filled yellow), the step that just ran. */
  GraphView.prototype.reveal = function () {
    var box = this.container;
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

  // ---- the playground -------------------------------------------------------------------------

  /** Expressions from the chapters, with their values: a label, the expression, the values. */
  var EXAMPLES = [
    ['L (chapter 1)', '(a*b + c) * f', { a: 2, b: -3, c: 10, f: -2 }],
    ['neuron (chapter 3)', 'tanh(x1*w1 + x2*w2 + b)', { x1: 2, x2: 0, w1: -3, w2: 1, b: 6.8813735870195432 }],
    ['tanh from exp (chapter 6)', '(exp(2*n) - 1) / (exp(2*n) + 1)', { n: 0.8813735870195432 }],
    ['a + a (chapter 4)', 'a + a', { a: 3 }],
    ['log below zero', 'log(x)', { x: -1 }]
  ];

  /** Values by name in a Map: any identifier, even constructor or __proto__, is only a name. */
  function valueMap(object) {
    var m = new Map();
    Object.keys(object || {}).forEach(function (k) { m.set(k, object[k]); });
    return m;
  }

  function own(object, name) {
    return object && Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined;
  }

  function Playground(root) {
    var self = this;
    self.root = root;
    self.values = valueMap(JSON.parse(root.getAttribute('data-values') || '{}'));
    self.mode = root.getAttribute('data-mode') || 'backward';
    self.frame = 0;
    self.input = el('input', {
      type: 'text', class: 'mg-expr', spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off',
      'aria-label': 'expression', value: root.getAttribute('data-expression') || '(a*b + c) * f',
      oninput: function () { self.update(performance.now()); }
    });
    // The status line keeps its place, so a message never moves what is below it.
    self.status = el('div', { class: 'mg-status' });
    self.vars = el('div', { class: 'mg-vars' });
    self.numericalBox = el('input', { type: 'checkbox', onchange: function () { self.update(performance.now()); } });
    self.assignBox = el('input', { type: 'checkbox', class: 'mg-assign',
      onchange: function () { self.update(performance.now()); } });
    self.caption = el('p', { class: 'mg-caption' });
    self.grads = el('table', { class: 'mg-grads' });
    self.graph = el('div', { class: 'mg-graph', tabindex: '0', role: 'region', 'aria-label': 'computation graph' });
    self.fitBox = el('input', { type: 'checkbox', onchange: function () {
      self.graph.classList.toggle('mg-fit', self.fitBox.checked);
      self.view.reveal();
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
      el('label', { class: 'mg-toggle', title: 'the lecture\u2019s bug: each local step sets its children\u2019s'
        + ' gradients instead of adding to them' }, [self.assignBox,
        document.createTextNode(' break it: = instead of +=')]),
      el('label', { class: 'mg-toggle' }, [self.fitBox, document.createTextNode(' fit graph to width')])
    ]);
    var examples = el('div', { class: 'mg-buttons' });
    if (root.hasAttribute('data-examples')) {
      EXAMPLES.forEach(function (ex) {
        examples.appendChild(el('button', { type: 'button', class: 'mg-example', text: ex[0], onclick: function () {
          self.input.value = ex[1];
          self.mode = 'backward';
          Object.keys(ex[2]).forEach(function (name) {
            self.values.set(name, ex[2][name]);
            if (self.sliders.has(name)) {
              self.sliders.get(name).row.remove();
              self.sliders.delete(name);
            }
          });
          self.update(performance.now());
        } }));
      });
    }
    self.tableBox = el('div', { class: 'mg-table-box' }, [self.grads]);
    root.replaceChildren(examples, el('label', { class: 'mg-expr-label', text: 'Expression' }, [self.input]), self.status,
      self.vars, buttons, self.caption, self.tableBox, self.graph);
    self.announcer = new Announcer(root, 1500);
    self.view = new GraphView(self.graph);
    self.sliders = new Map();
    self.update(performance.now());
  }

  /** Characters of the expression the status line shows around a mistake: as many as fit on one line. */
  Playground.prototype.windowWidth = function () {
    if (!this.charWidth) {
      var probe = el('span', { class: 'mg-probe', text: '0000000000' });
      this.status.appendChild(probe);
      this.charWidth = probe.getBoundingClientRect().width / 10 || 8;
      probe.remove();
    }
    return Math.max(16, Math.floor((this.status.clientWidth - 16) / this.charWidth));
  };

  Playground.prototype.showError = function (message) {
    var m = /at column (\d+)$/.exec(message);
    var lines = [];
    if (m) {
      // A window of the expression around the column, with a caret under it; never the whole input.
      var text = this.input.value.replace(/\s/g, ' ');
      var column = +m[1] - 1;
      var width = this.windowWidth();
      var start = Math.max(0, Math.min(column - Math.floor(width / 2), text.length + 1 - width));
      var end = Math.min(text.length, start + width);
      var before = start > 0 ? '\u2026' : '';
      var shown = before + text.slice(start + before.length, end - (end < text.length ? 1 : 0))
        + (end < text.length ? '\u2026' : '');
      lines.push(el('div', { class: 'mg-code', text: shown }));
      lines.push(el('div', { class: 'mg-code mg-caret', text: ' '.repeat(Math.max(0, column - start)) + '^' }));
    }
    lines.push(el('div', { class: 'mg-message', text: message }));
    this.status.replaceChildren.apply(this.status, lines);
    this.status.classList.add('mg-error');
    [this.graph, this.caption, this.tableBox].forEach(function (e) { e.classList.add('mg-stale'); });
    this.root.setAttribute('data-error', message);
    this.announcer.say('Error: ' + message);
  };

  Playground.prototype.clearError = function (variables) {
    this.status.classList.remove('mg-error');
    this.status.replaceChildren(el('div', { class: 'mg-message', text: 'The expression reads well: '
      + (variables === 1 ? '1 variable.' : variables + ' variables.') }));
    [this.graph, this.caption, this.tableBox].forEach(function (e) { e.classList.remove('mg-stale'); });
    this.root.removeAttribute('data-error');
    this.announcer.say('');
  };

  Playground.prototype.syncSliders = function (names) {
    var self = this;
    var wanted = new Set(names);
    Array.from(self.sliders.keys()).forEach(function (name) {
      if (!wanted.has(name)) {
        self.sliders.get(name).row.remove();
        self.sliders.delete(name);
      }
    });
    names.forEach(function (name, i) {
      if (self.sliders.has(name)) {
        // Moved only when out of order: moving an element takes the focus from the field being typed in.
        if (self.vars.children[i] !== self.sliders.get(name).row) {
          self.vars.insertBefore(self.sliders.get(name).row, self.vars.children[i] || null);
        }
        return;
      }
      if (!self.values.has(name)) {
        self.values.set(name, 1);
      }
      var value = self.values.get(name);
      var limit = Math.max(5, Math.ceil(Math.abs(value) * 2));
      var range = el('input', { type: 'range', min: -limit, max: limit, step: 0.01, value: value,
        'aria-label': name + ' slider', 'data-name': name });
      var number = el('input', { type: 'number', step: 'any', value: value, 'aria-label': name, 'data-name': name });
      range.addEventListener('input', function () {
        var t0 = performance.now();
        self.values.set(name, +range.value);
        number.value = range.value;
        self.update(t0);
      });
      number.addEventListener('input', function () {
        var t0 = performance.now();
        if (number.value === '' || !isFinite(+number.value)) {
          return;
        }
        self.values.set(name, +number.value);
        if (Math.abs(+number.value) > +range.max) {
          // The slider grows to reach a typed value beyond its ends.
          range.max = Math.ceil(Math.abs(+number.value));
          range.min = -range.max;
        }
        range.value = number.value;
        self.update(t0);
      });
      var row = el('div', { class: 'mg-var' }, [el('span', { class: 'mg-name', text: name, title: name }), range, number]);
      self.sliders.set(name, { row: row, range: range, number: number });
      self.vars.insertBefore(row, self.vars.children[i] || null);
    });
  };

  Playground.prototype.currentValues = function (names) {
    var self = this;
    var values = new Map();
    names.forEach(function (n) { values.set(n, self.values.get(n)); });
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
    var assign = self.assignBox.checked;
    var result;
    if (self.mode === 'steps') {
      // Only the frame shown is computed: a step costs one pass over the graph, however many frames there are.
      result = JSON.parse(mg.backwardFrame(expression, values, self.frame, assign));
      if (!result.error) {
        self.frame = result.frame;
        self.caption.textContent = 'Step ' + (result.frame + 1) + ' of ' + result.frames + ': ' + result.caption
          + (result.frame === result.frames - 1 ? ' (the last step: every gradient is in place)' : '');
      }
    } else {
      result = JSON.parse(self.mode === 'reset' ? mg.forward(expression, values) : mg.evaluate(expression, values, assign));
    }
    if (result.error) {
      self.showError(result.error);
      return;
    }
    self.clearError(vars.variables.length);
    if (self.mode !== 'steps') {
      self.caption.textContent = 'value ' + fmt(result.value, 6)
        + (typeof result.value === 'string' ? ' (the value overflowed)' : '')
        + (self.mode === 'reset' ? ': gradients reset to zero'
          : assign ? ': gradients after a backward() that sets instead of adds (wrong where a value is used twice)'
            : ': gradients after backward()');
    }
    self.showGrads(expression, values, self.mode === 'reset' ? null : result.grads);
    var steps = self.mode === 'steps';
    self.view.show(result, function () {
      if (steps) {
        self.view.reveal();
      }
      self.root.setAttribute('data-latency', String(performance.now() - t0));
      self.root.setAttribute('data-drawn', String(+(self.root.getAttribute('data-drawn') || 0) + 1));
    });
  };

  Playground.prototype.showGrads = function (expression, values, grads) {
    var numerical = this.numericalBox.checked ? JSON.parse(mg.numerical(expression, values)).grads : null;
    var names = Array.from(values.keys());
    var key = names.join('\u0000') + (numerical ? '\u0000+' : '');
    if (key !== this.gradsKey) {
      // New rows only when the variables change: stepping through a large graph only rewrites numbers.
      var rows = [el('tr', {}, [el('th', { text: 'variable' }), el('th', { text: 'data' }), el('th', { text: 'grad' })]
        .concat(numerical ? [el('th', { text: 'numerical' })] : []))];
      names.forEach(function (name) {
        rows.push(el('tr', {}, [el('td', { class: 'mg-name', text: name, title: name }), el('td'), el('td')]
          .concat(numerical ? [el('td')] : [])));
      });
      this.grads.replaceChildren.apply(this.grads, rows);
      this.gradsKey = key;
    }
    var trs = this.grads.rows;
    names.forEach(function (name, i) {
      var cells = trs[i + 1].cells;
      cells[1].textContent = fmt(values.get(name));
      cells[2].textContent = grads ? fmt(own(grads, name), 6) : '0';
      if (numerical) {
        cells[3].textContent = fmt(own(numerical, name), 6);
      }
    });
  };

  // ---- the trainer ----------------------------------------------------------------------------

  var BLUE = '#1f77b4';
  var RED = '#d62728';
  /** Training time per task: with a drawing after it, no task comes near 50 ms. */
  var CHUNK_BUDGET_MS = 20;

  /** A canvas drawn in CSS pixels and sharp on any screen: its backing store follows devicePixelRatio. */
  function sharp(canvas, width, height) {
    var ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.aspectRatio = width + ' / ' + height;
    canvas.style.width = width + 'px';
    var g = canvas.getContext('2d');
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { g: g, w: width, h: height };
  }

  function Trainer(root) {
    var self = this;
    self.root = root;
    self.running = false;
    self.maxSteps = +(root.getAttribute('data-max-steps') || 0);
    var ids = 'mg-trainer-' + (Trainer.count = (Trainer.count || 0) + 1);
    function field(label, input) {
      return el('label', { class: 'mg-field' }, [document.createTextNode(label + ' '), input]);
    }
    self.dataset = el('select', { 'aria-label': 'data set' }, [
      el('option', { value: 'moons', text: 'two moons' }), el('option', { value: 'circles', text: 'two circles' })]);
    self.noise = el('input', { type: 'number', min: 0, max: 0.5, step: 0.05, value: 0.1 });
    self.n = el('input', { type: 'number', min: 4, max: 300, step: 1, value: 100 });
    self.hidden = el('input', { type: 'text', value: '16,16', size: 6, 'aria-describedby': ids + '-hidden' });
    self.activation = el('select', {}, [el('option', { value: 'relu', text: 'relu' }),
      el('option', { value: 'tanh', text: 'tanh' })]);
    self.rate = el('input', { type: 'number', min: 0, max: 100, step: 0.05, value: 0.1 });
    self.schedule = el('input', { type: 'checkbox', checked: '' });
    self.zeroGrad = el('input', { type: 'checkbox', checked: '', class: 'mg-zero-grad' });
    self.alpha = el('input', { type: 'number', min: 0, max: 1, step: 0.0001, value: 0.0001 });
    self.seed = el('input', { type: 'number', min: 0, step: 1, value: 1 });
    self.label = el('select', { 'aria-label': 'class of an added point' }, [
      el('option', { value: '-1', text: 'blue (-1)' }), el('option', { value: '1', text: 'red (+1)' })]);
    self.runButton = el('button', { type: 'button', class: 'mg-run', text: 'run', onclick: function () { self.toggle(); } });
    self.plane = el('canvas', { class: 'mg-plane', tabindex: '0', role: 'application',
      'aria-label': 'the data and the decision boundary', 'aria-describedby': ids + '-keys' });
    self.plot = el('canvas', { class: 'mg-plot', role: 'img', 'aria-label': 'loss and accuracy per step' });
    self.planeSize = sharp(self.plane, 400, 320);
    self.plotSize = sharp(self.plot, 400, 140);
    self.stats = el('p', { class: 'mg-stats' });
    // The message line keeps its place when empty, so a message appearing or going never moves the plane.
    self.error = el('p', { class: 'mg-error mg-trainer-error mg-quiet' });
    self.cursor = null;
    self.plane.addEventListener('click', function (e) { self.click(e); });
    self.plane.addEventListener('keydown', function (e) { self.key(e); });
    self.plane.addEventListener('blur', function () { self.cursor = null; self.drawPlane(); });
    root.replaceChildren(
      el('div', { class: 'mg-controls' }, [
        field('data', self.dataset), field('points', self.n), field('noise', self.noise),
        field('hidden layers', self.hidden), field('activation', self.activation), field('learning rate', self.rate),
        el('label', { class: 'mg-field' }, [self.schedule, document.createTextNode(' chapter 8\u2019s schedule, 1.0 to 0.1')]),
        field('L2', self.alpha), field('seed', self.seed),
        el('label', { class: 'mg-field', title: 'the lecture\u2019s other bug: without zeroGrad() the gradients of'
          + ' every step add up' }, [self.zeroGrad, document.createTextNode(' zeroGrad() before backward()')])]),
      el('p', { class: 'mg-hint', id: ids + '-hidden', text: 'Hidden layers: up to 4 sizes of 1 to 64, like 16,16;'
        + ' points: 4 to 300.' }),
      el('div', { class: 'mg-buttons' }, [self.runButton,
        el('button', { type: 'button', class: 'mg-train-step', text: 'step', onclick: function () { self.steps(1); } }),
        el('button', { type: 'button', class: 'mg-train-reset', text: 'reset', onclick: function () { self.reset(); } }),
        field('a new point is', self.label)]),
      self.error, self.plane,
      el('p', { class: 'mg-hint', id: ids + '-keys', text: 'Click the plane to add a point, or focus it and move the'
        + ' cross with the arrow keys, then press Enter.' }),
      self.plot, self.stats);
    self.announcer = new Announcer(root, 0);
    // Training chunks follow each other as messages: unlike timers, they are not slowed to 4 ms or more apart.
    self.channel = new MessageChannel();
    self.channel.port1.onmessage = function () { self.tick(); };
    self.reset();
  }

  Trainer.prototype.fail = function (message) {
    this.error.textContent = message;
    this.error.classList.remove('mg-quiet');
    this.pause();
    this.announcer.say('Error: ' + message, true);
  };

  Trainer.prototype.reset = function () {
    var value = function (input) { return input.value.trim() === '' ? NaN : Number(input.value); };
    this.pause();
    this.history = { loss: [], accuracy: [], maxLoss: 0 };
    this.last = null;
    this.rate.removeAttribute('aria-invalid');
    var result = JSON.parse(mg.trainer.reset({
      dataset: this.dataset.value, n: value(this.n), noise: value(this.noise), hidden: this.hidden.value,
      activation: this.activation.value, alpha: value(this.alpha), seed: value(this.seed) }));
    this.box = this.dataset.value === 'moons' ? [-1.5, 2.5, -1.0, 1.5] : [-1.6, 1.6, -1.3, 1.3];
    this.broken = !!result.error;
    if (result.error) {
      this.fail(result.error);
    } else {
      this.error.classList.add('mg-quiet');
    }
    this.speed = { steps: 0, since: 0, rate: 0, trainMs: 0, drawMs: 0 };
    this.draw();
  };

  /** Runs count steps at once and records each one's loss; false when training cannot go on. */
  Trainer.prototype.train = function (count) {
    if (this.broken) {
      this.fail(this.error.textContent || 'the settings need fixing: press reset once they are right');
      return false;
    }
    var rate = Number(this.rate.value);
    if (!this.schedule.checked && (this.rate.value.trim() === '' || !(rate >= 0 && rate <= 100))) {
      this.rate.setAttribute('aria-invalid', 'true');
      this.fail('learning rate: from 0 to 100, got ' + (this.rate.value.trim() || 'nothing'));
      return false;
    }
    this.rate.removeAttribute('aria-invalid');
    var last = JSON.parse(mg.trainer.steps(count, rate, this.schedule.checked, this.zeroGrad.checked));
    if (last.error) {
      this.fail(last.error);
      return false;
    }
    this.error.classList.add('mg-quiet');
    var h = this.history;
    for (var i = 0; i < last.losses.length; i++) {
      h.loss.push(last.losses[i]);
      h.accuracy.push(last.accuracies[i]);
      if (last.losses[i] > h.maxLoss) {
        h.maxLoss = last.losses[i];
      }
    }
    this.last = last;
    return true;
  };

  Trainer.prototype.steps = function (count) {
    if (this.train(count)) {
      this.draw();
      this.announce();
    }
  };

  Trainer.prototype.toggle = function () {
    if (this.running) {
      this.pause();
    } else if (!this.broken || this.train(0)) {
      this.running = true;
      this.runButton.textContent = 'pause';
      this.speed = { steps: 0, since: performance.now(), rate: this.speed.rate, trainMs: 0, drawMs: 0 };
      this.tick();
    }
  };

  Trainer.prototype.pause = function () {
    var was = this.running;
    this.running = false;
    this.runButton.textContent = 'run';
    if (was) {
      this.draw(true);
      this.announce();
    }
  };

  /** What a screen reader hears: the state when training pauses or a step is taken, not every frame. */
  Trainer.prototype.announce = function () {
    var s = this.last;
    if (s) {
      this.announcer.say('Step ' + s.steps + ': loss ' + fmt(s.loss, 3) + ', accuracy '
        + Math.round(100 * s.accuracy) + '%.', true);
    }
  };

  /**
   * One chunk of training: as many steps as fit in the budget, then the next chunk as a new task, so the page
   * answers keys and clicks in between; the picture is drawn at most once per animation frame, whatever the pace.
   */
  Trainer.prototype.tick = function () {
    var self = this;
    if (!self.running) {
      return;
    }
    var left = self.maxSteps ? self.maxSteps - self.history.loss.length : Infinity;
    if (left <= 0) {
      self.pause();
      return;
    }
    // Step by step until the budget is spent: a chunk ends at most one step after it.
    var t0 = performance.now();
    var t1 = t0;
    var count = 0;
    while (count < left && (count === 0 || t1 - t0 + (t1 - t0) / count <= CHUNK_BUDGET_MS)) {
      if (!self.train(1)) {
        return;
      }
      count++;
      t1 = performance.now();
    }
    var perStep = (t1 - t0) / count;
    var sp = self.speed;
    sp.steps += count;
    sp.trainMs = perStep;
    if (t1 - sp.since >= 1000) {
      sp.rate = sp.steps * 1000 / (t1 - sp.since);
      sp.steps = 0;
      sp.since = t1;
      self.root.setAttribute('data-steps-per-second', String(sp.rate));
    }
    if (!self.frameRequested) {
      self.frameRequested = true;
      requestAnimationFrame(function () {
        self.frameRequested = false;
        var t = performance.now();
        // The boundary (2,000 scores of the network) is shaded again about 12 times a second, the plot every frame.
        self.draw(t - (self.planeDrawn || 0) < 80);
        sp.drawMs = performance.now() - t;
      });
    }
    self.channel.port2.postMessage(null);
  };

  Trainer.prototype.toPlane = function (x, y) {
    var b = this.box;
    var s = this.planeSize;
    return [(x - b[0]) / (b[1] - b[0]) * s.w, (b[3] - y) / (b[3] - b[2]) * s.h];
  };

  Trainer.prototype.addPoint = function (x, y) {
    var result = JSON.parse(mg.trainer.add(x, y, +this.label.value));
    if (result.error) {
      this.fail(result.error);
      return;
    }
    this.announcer.say('Added a ' + (+this.label.value < 0 ? 'blue' : 'red') + ' point at ' + fmt(x, 2) + ', '
      + fmt(y, 2) + '; ' + result.points + ' points.', true);
    this.draw();
  };

  Trainer.prototype.click = function (e) {
    var r = this.plane.getBoundingClientRect();
    var b = this.box;
    this.addPoint(b[0] + (e.clientX - r.left) / r.width * (b[1] - b[0]),
      b[3] - (e.clientY - r.top) / r.height * (b[3] - b[2]));
  };

  /** Arrow keys move a cross over the plane (with Shift, in larger steps); Enter or Space adds a point there. */
  Trainer.prototype.key = function (e) {
    var b = this.box;
    if (!this.cursor) {
      this.cursor = [(b[0] + b[1]) / 2, (b[2] + b[3]) / 2];
    }
    var step = (e.shiftKey ? 0.2 : 0.05);
    var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[e.key]) {
      this.cursor[0] = Math.max(b[0], Math.min(b[1], this.cursor[0] + moves[e.key][0]));
      this.cursor[1] = Math.max(b[2], Math.min(b[3], this.cursor[1] + moves[e.key][1]));
      this.drawPlane();
      e.preventDefault();
    } else if (e.key === 'Enter' || e.key === ' ') {
      this.addPoint(this.cursor[0], this.cursor[1]);
      e.preventDefault();
    }
  };

  Trainer.prototype.draw = function (skipPlane) {
    if (!skipPlane) {
      this.drawPlane();
      this.planeDrawn = performance.now();
    }
    this.drawPlot();
    var s = this.last;
    var sp = this.speed;
    this.stats.textContent = s
      ? 'step ' + s.steps + ', loss ' + fmt(s.loss) + ', accuracy ' + Math.round(100 * s.accuracy) + '%, '
        + grouped(s.nodes) + ' graph nodes per step; '
        + (this.running && sp.rate ? Math.round(sp.rate) + ' steps a second on this page (training ' + fmt(sp.trainMs, 1)
          + ' ms a step, drawing ' + fmt(sp.drawMs, 1) + ' ms a frame)' : 'training ' + fmt(s.msPerStep, 1)
          + ' ms a step')
      : 'Press run or step to train; add points with a click or the keyboard.';
    this.root.setAttribute('data-steps', String(this.history.loss.length));
    this.root.setAttribute('data-accuracy', s ? String(s.accuracy) : '');
    this.root.setAttribute('data-loss', s ? String(s.loss) : '');
  };

  Trainer.prototype.drawPlane = function () {
    var b = this.box;
    var g = this.planeSize.g;
    var w = this.planeSize.w;
    var h = this.planeSize.h;
    var columns = 50;
    var rows = 40;
    var cells = mg.trainer.boundary(columns, rows, b);
    if (!this.cells) {
      this.cells = el('canvas', { width: columns, height: rows });
    }
    var cg = this.cells.getContext('2d');
    var image = cg.createImageData(columns, rows);
    for (var k = 0; k < columns * rows; k++) {
      var t = cells ? (cells.charCodeAt(k) - 97) / 19 : 0.5;
      // From light blue (surely -1) through white to light red (surely +1).
      image.data[4 * k] = Math.round(t < 0.5 ? 198 + (255 - 198) * t * 2 : 255 - (255 - 252) * (t - 0.5) * 2);
      image.data[4 * k + 1] = Math.round(t < 0.5 ? 219 + (255 - 219) * t * 2 : 255 - (255 - 187) * (t - 0.5) * 2);
      image.data[4 * k + 2] = Math.round(t < 0.5 ? 239 + (255 - 239) * t * 2 : 255 - (255 - 161) * (t - 0.5) * 2);
      image.data[4 * k + 3] = 255;
    }
    cg.putImageData(image, 0, 0);
    g.imageSmoothingEnabled = true;
    g.drawImage(this.cells, 0, 0, w, h);
    var self = this;
    mg.trainer.points().forEach(function (p) {
      var at = self.toPlane(p[0], p[1]);
      g.beginPath();
      g.arc(at[0], at[1], 4, 0, 2 * Math.PI);
      g.fillStyle = p[2] < 0 ? BLUE : RED;
      g.fill();
      g.strokeStyle = '#fff';
      g.stroke();
    });
    if (this.cursor) {
      var c = this.toPlane(this.cursor[0], this.cursor[1]);
      g.strokeStyle = '#111';
      g.lineWidth = 2;
      g.beginPath();
      g.moveTo(c[0] - 9, c[1]);
      g.lineTo(c[0] + 9, c[1]);
      g.moveTo(c[0], c[1] - 9);
      g.lineTo(c[0], c[1] + 9);
      g.stroke();
      g.lineWidth = 1;
    }
  };

  Trainer.prototype.drawPlot = function () {
    var g = this.plotSize.g;
    var w = this.plotSize.w;
    var h = this.plotSize.h;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, w, h);
    g.strokeStyle = '#ccc';
    g.strokeRect(0.5, 0.5, w - 1, h - 1);
    var hist = this.history;
    var n = hist.loss.length;
    if (n < 2) {
      return;
    }
    var maxLoss = hist.maxLoss || 1;
    // At most one point per pixel column, however long the training ran.
    var points = Math.min(n, w - 10);
    function line(color, values, top) {
      g.strokeStyle = color;
      g.beginPath();
      for (var i = 0; i < points; i++) {
        var k = Math.round(i * (n - 1) / (points - 1));
        var x = i / (points - 1) * (w - 10) + 5;
        var y = h - 5 - values[k] / top * (h - 20);
        if (i === 0) {
          g.moveTo(x, y);
        } else {
          g.lineTo(x, y);
        }
      }
      g.stroke();
    }
    line(BLUE, hist.loss, maxLoss);
    line(RED, hist.accuracy, 1);
    g.font = '12px sans-serif';
    g.fillStyle = BLUE;
    g.fillText('loss (max ' + fmt(maxLoss, 3) + ')', 8, 14);
    g.fillStyle = RED;
    g.fillText('accuracy', w - 70, 14);
    g.fillStyle = '#444';
    g.fillText(grouped(n) + ' steps', w / 2 - 20, 14);
  };

  window.MicrogradLive = { Playground: Playground, Trainer: Trainer };

  function start(engine) {
    mg = engine;
    document.querySelectorAll('.mg-playground').forEach(function (root) { root.mgLive = new Playground(root); });
    document.querySelectorAll('.mg-trainer').forEach(function (root) { root.mgLive = new Trainer(root); });
  }
  function whenReady() {
    window.micrograd.ready.then(start);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', whenReady);
  } else {
    whenReady();
  }
})();
