// window.micrograd: the engine compiled from Java (micrograd-engine.js), gathered under one name.
// Every function returns JSON text and never throws, so the console stays quiet on bad input.
(function () {
  'use strict';
  function guarded(f) {
    return function () {
      try {
        return f.apply(null, arguments);
      } catch (e) {
        return JSON.stringify({ error: String(e && e.message || e) });
      }
    };
  }

  /** The page's API over one build of the engine: raw holds its exported functions. */
  function api(raw, engine) {
    // Values as a Map or a plain object; a Map keeps names such as __proto__ or constructor plain names.
    function setValues(values) {
      raw.clearValues();
      if (values instanceof Map) {
        values.forEach(function (v, name) { raw.setValue(String(name), Number(v)); });
      } else {
        Object.keys(values || {}).forEach(function (name) { raw.setValue(String(name), Number(values[name])); });
      }
    }
    return {
      /** Which build answers: "javascript" or "webassembly". */
      engine: engine,
      /**
       * {"value", "grads", "dot"} or {"error"}; values is a Map, an object of numbers or its JSON text. With
       * assign, every local backward step sets its children's gradients instead of adding to them.
       */
      evaluate: guarded(function (expression, values, assign) {
        if (typeof values === 'string') {
          return raw.evaluateJson(String(expression), values);
        }
        setValues(values);
        return assign ? raw.evaluateAssign(String(expression), true) : raw.evaluateWithValues(String(expression));
      }),
      /** {"value", "dot"} before any backward pass, every gradient zero; or {"error"}. */
      forward: guarded(function (expression, values) {
        setValues(values);
        return raw.forward(String(expression));
      }),
      /** {"variables": [names in order]} or {"error"}. */
      variables: guarded(function (expression) { return raw.variables(String(expression)); }),
      /** {"grads"} by central differences, or {"error"}. */
      numerical: guarded(function (expression, values) {
        setValues(values);
        return raw.numerical(String(expression));
      }),
      /** {"frame", "frames", "caption", "value", "grads", "dot"}: the backward pass after frame local steps. */
      backwardFrame: guarded(function (expression, values, frame, assign) {
        setValues(values);
        return raw.backwardFrame(String(expression), frame | 0, !!assign);
      }),
      /** Chapter 8 from a fresh start: {"loss", "accuracy", "msPerStep"} after steps steps. */
      trainMoons: guarded(function (steps) { return raw.trainMoons(steps | 0); }),
      trainer: {
        /** {"points"} or {"error"}; numbers as the page read them, NaN for an empty field. */
        reset: guarded(function (o) {
          return raw.trainerReset(String(o.dataset), +o.n, +o.noise, String(o.hidden), String(o.activation), +o.alpha,
            +o.seed);
        }),
        /** count steps: at chapter 8's schedule or at learningRate; zeroGrad false forgets to zero the gradients. */
        steps: guarded(function (count, learningRate, schedule, zeroGrad) {
          return raw.trainerSteps(count | 0, +learningRate, !!schedule, zeroGrad !== false);
        }),
        add: guarded(function (x, y, label) { return raw.trainerAdd(+x, +y, label | 0); }),
        points: function () {
          var text = raw.trainerPoints();
          return text ? text.split(';').map(function (p) { var a = p.split(','); return [+a[0], +a[1], +a[2]]; }) : [];
        },
        boundary: function (columns, rows, box) {
          return raw.trainerBoundary(columns | 0, rows | 0, box[0], box[1], box[2], box[3]);
        }
      }
    };
  }

  var NAMES = ['clearValues', 'setValue', 'evaluateWithValues', 'evaluateJson', 'evaluateAssign', 'forward', 'variables',
    'numerical', 'backwardFrame', 'trainMoons', 'trainerReset', 'trainerSteps', 'trainerAdd', 'trainerPoints',
    'trainerBoundary'];
  function collect(source) {
    var raw = {};
    NAMES.forEach(function (n) { raw[n] = source[n]; });
    return raw;
  }

  /** True where the browser runs WebAssembly with garbage collection: a module declaring one struct type validates. */
  function hasWasmGC() {
    try {
      return typeof WebAssembly === 'object'
        && WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 0x5f, 1, 0x7f, 0]));
    } catch (e) {
      return false;
    }
  }

  /**
   * Which build to use: ?engine=javascript or ?engine=webassembly in the page's address chooses; otherwise the
   * WebAssembly build where the browser has WebAssembly GC, and the JavaScript build elsewhere.
   */
  function chosen() {
    var asked = /[?&]engine=(javascript|webassembly)\b/.exec(location.search);
    return asked ? asked[1] : hasWasmGC() ? 'webassembly' : 'javascript';
  }

  var live = (document.currentScript && document.currentScript.src || '').replace(/[^/]*$/, '');
  function script(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error(src + ' could not be loaded')); };
      document.head.appendChild(s);
    });
  }

  /** The WebAssembly build: its bytes come inlined as base64, since a page opened from file:// cannot fetch them. */
  function loadWasm() {
    return Promise.all([script(live + 'wasm/classes.wasm-runtime.js'), script(live + 'wasm/micrograd-engine-wasm.js')])
      .then(function () {
        var text = atob(window.MICROGRAD_WASM);
        var bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) {
          bytes[i] = text.charCodeAt(i);
        }
        delete window.MICROGRAD_WASM;
        return window.TeaVM.wasmGC.load(bytes);
      })
      .then(function (teavm) { return api(collect(teavm.exports), 'webassembly'); });
  }

  var javascript = api(collect(window), 'javascript');
  javascript.api = api;
  window.micrograd = javascript;
  var ready = chosen() === 'webassembly'
    ? loadWasm().catch(function (e) {
      console.warn('The WebAssembly engine did not load (' + e.message + '); the JavaScript one answers.');
      return javascript;
    })
    : Promise.resolve(javascript);
  /** Resolves to the engine the page uses, which from then on is also window.micrograd. */
  javascript.ready = ready.then(function (engine) {
    engine.ready = javascript.ready;
    engine.javascript = javascript;
    window.micrograd = engine;
    return engine;
  });
})();
