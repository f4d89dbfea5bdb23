package dev.kirchhoff.agents;

/** Stage 2: fetches each requested part's canonical record and pin table from the knowledge base. */
public interface PinoutRetriever {
    Pinouts retrieve(Requirements requirements);
}
