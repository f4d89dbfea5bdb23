package dev.kirchhoff.app.io;

import dev.kirchhoff.app.cli.UserError;
import dev.kirchhoff.schematic.format.ParseException;
import dev.kirchhoff.schematic.format.Source;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a command's input netlist from a file or, for {@code -}, standard input. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * The netlist named {@code input}.
     *
     * @throws UserError when the file is missing, a directory or unreadable
     * @throws ParseException when it holds binary data
     */
    public static Source read(String input, InputStream stdin) throws IOException, ParseException {
        if (input.equals("-")) {
            return Source.read("<stdin>", stdin);
        }
        Path path = Path.of(input);
        if (Files.isDirectory(path)) {
            throw new UserError(input + " is a directory; give a netlist file");
        }
        try {
            return Source.read(path);
        } catch (NoSuchFileException e) {
            throw new UserError(input + ": no such file; check the path");
        } catch (AccessDeniedException e) {
            throw new UserError(input + ": permission denied; check the file's permissions");
        }
    }
}
