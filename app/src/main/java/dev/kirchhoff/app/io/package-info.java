/** File input and output for commands: reading netlists from files or standard input, writing outputs atomically. */
package dev.kirchhoff.app.io;
