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

  var javascript = api(collect(window), 'javascript');
  window.micrograd = javascript;
  window.micrograd.api = api;
  window.micrograd.collect = collect;
  /** Resolves to the engine the page should use; micrograd-wasm.js may replace it with the WebAssembly build. */
  window.micrograd.ready = Promise.resolve(javascript);
})();
