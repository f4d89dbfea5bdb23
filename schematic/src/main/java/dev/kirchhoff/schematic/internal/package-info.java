/** Implementation helpers of the schematic room; not API, may change without notice. */
package dev.kirchhoff.schematic.internal;
