package dev.kirchhoff.eval.run;

import dev.kirchhoff.eval.Response;
import dev.kirchhoff.eval.SystemUnderTest;

import java.nio.file.Path;

/**
 * A run in a child JVM for {@link RunnerTest#killedChildJvmResumesExactlyOnce}: answers one item every few
 * milliseconds, so the parent can kill it
 * ({@code SIGKILL}) with results half written, or stop it ({@code SIGTERM}, as Ctrl-C) through the shutdown hook. Arguments: the results file and the item count.
 */
public final class ResumeChild {

    private ResumeChild() {
    }

    public static void main(String[] args) throws Exception {
        SystemUnderTest slow = new SystemUnderTest() {
            @Override
            public String name() {
                return "test:counting";
            }

            @Override
            public Response answer(dev.kirchhoff.eval.EvalItem item, dev.kirchhoff.eval.RenderedPrompt prompt)
                    throws Exception {
                Thread.sleep(15);
                return Response.text(item.reference());
            }
        };
        Runner runner = Runner.builder().system(slow).prompts(Fixtures::prompt).scorer(Fixtures.EXACT)
                .options(RunOptions.defaults().withConcurrency(3)).results(Path.of(args[0]))
                .progress(new ProgressBar(System.out, false, System::nanoTime)).build();
        try (AutoCloseable hook = runner.stopOnShutdown()) {
            RunOutcome outcome = runner.run(Fixtures.items(Integer.parseInt(args[1])));
            System.out.println(outcome);
        }
    }
}
