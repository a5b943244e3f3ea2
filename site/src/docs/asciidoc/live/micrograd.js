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
  function setValues(values) {
    clearValues();
    Object.keys(values || {}).forEach(function (name) { setValue(String(name), Number(values[name])); });
  }
  window.micrograd = {
    /** {"value", "grads", "dot"} or {"error"}; values is an object of numbers or its JSON text. */
    evaluate: guarded(function (expression, values) {
      if (typeof values === 'string') {
        return evaluateJson(String(expression), values);
      }
      setValues(values);
      return evaluateWithValues(String(expression));
    }),
    /** {"value", "dot"} before any backward pass, every gradient zero; or {"error"}. */
    forward: guarded(function (expression, values) {
      setValues(values);
      return forward(String(expression));
    }),
    /** {"variables": [names in order]} or {"error"}. */
    variables: guarded(function (expression) { return variables(String(expression)); }),
    /** {"grads"} by central differences, or {"error"}. */
    numerical: guarded(function (expression, values) {
      setValues(values);
      return numerical(String(expression));
    }),
    /** {"frames": [{"caption", "dot"}]}: the backward pass one node at a time. */
    backwardSteps: guarded(function (expression, values) {
      setValues(values);
      return backwardSteps(String(expression));
    }),
    /** Chapter 8 from a fresh start: {"loss", "accuracy", "msPerStep"} after steps steps. */
    trainMoons: guarded(function (steps) { return trainMoons(steps | 0); }),
    trainer: {
      reset: guarded(function (o) {
        return trainerReset(o.dataset, o.n | 0, +o.noise, String(o.hidden), o.activation, +o.alpha, o.seed | 0);
      }),
      steps: guarded(function (count, learningRate) { return trainerSteps(count | 0, +learningRate); }),
      /** Chapter 8's learning rate at step k, from the engine. */
      learningRate: function (k) { return trainerLearningRate(k | 0); },
      add: function (x, y, label) { trainerAdd(+x, +y, label | 0); },
      points: function () {
        var text = trainerPoints();
        return text ? text.split(';').map(function (p) { var a = p.split(','); return [+a[0], +a[1], +a[2]]; }) : [];
      },
      boundary: function (columns, rows, box) {
        return trainerBoundary(columns | 0, rows | 0, box[0], box[1], box[2], box[3]);
      }
    }
  };
})();
