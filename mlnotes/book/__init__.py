"""The book's own code: what the pages of the site run that is not machine-learning library.

The library (every other module of `mlnotes`) holds the algorithms; this package holds
everything named after a page, and may use the library and matplotlib, never the reverse
(a test checks the import graph):

* [`mlnotes.book.i18n`][mlnotes.book.i18n]: the build's language and [`tr`][mlnotes.book.i18n.tr]
  for bilingual labels (every chapter page);
* [`mlnotes.book.render`][mlnotes.book.render]: figures as deterministic SVG with text as paths,
  labels readable on a phone, ids that follow from the code that makes them (every chapter page);
* [`mlnotes.book.plots`][mlnotes.book.plots]: drawings several pages share (decision regions,
  box-and-arrow diagrams, networks, a neuron, grids of numbers, picture frames);
* [`mlnotes.book.data`][mlnotes.book.data]: the data of particular pages (stroke images, a photo,
  the notes' basket table, viewing histories);
* [`mlnotes.book.cnn`][mlnotes.book.cnn]: chapter 4's experiments (stroke detector, LeNet-5);
* [`mlnotes.book.ch1_workflow`][mlnotes.book.ch1_workflow]: the data split and features of the
  page 1.4 (the modelling workflow), shared by its blocks;
* [`mlnotes.book.ch3_neuron`][mlnotes.book.ch3_neuron]: the worked neuron (inputs, weights, bias)
  of the page 3.1, shared by its blocks;
* [`mlnotes.book.ch3_activations`][mlnotes.book.ch3_activations]: the 2-3-1 network without
  activation functions of the page 3.3, shared by its blocks;
* [`mlnotes.book.ch3_training`][mlnotes.book.ch3_training]: the worked 2-2-1 network of the
  page 3.4 (forward and backward propagation by hand), shared by its blocks.

Nothing is re-exported here: a page imports from the module that defines what it uses, so
that the build's execution cache re-runs only the blocks an edit can change.
"""
