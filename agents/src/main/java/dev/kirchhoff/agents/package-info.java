/**
 * The design pipeline: its stages as interfaces, the records that flow between them, and the pipeline that runs them
 * with validation and repair.
 */
package dev.kirchhoff.agents;
