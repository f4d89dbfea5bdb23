/** The {@code kirchhoff} command line: one picocli class per command. */
package dev.kirchhoff.app.cli;
