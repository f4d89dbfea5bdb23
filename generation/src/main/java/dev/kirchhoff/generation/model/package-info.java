/** Next-token models: the interface, and the ONNX Runtime adapter that runs the bundled transformer in-process. */
package dev.kirchhoff.generation.model;
