package dev.kirchhoff.retrieval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Grid search of the fusion weights on the even lines of the query set, reported on the odd lines too. A tool, not a
 * check: it runs only with -Dtune=true (see README "Retrieval").
 */
class FusionTuning {

    @Test
    @EnabledIfSystemProperty(named = "tune", matches = ".+")
    void tune() {
        PartSearch base = TestIndex.get();
        List<QuerySet.Query> queries = QuerySet.load().queries();
        for (double[] ce : new double[][] {{0.5, 0.8}, {0.5, 1.0}}) {
            double context = ce[0];
            double expansion = ce[1];
            PartSearch s = base.withFusion(new PartSearch.Fusion(0.45, 0.55, 0.25, 0.5, context, expansion, 60));
            List<PartSearch.Evidence> evidence = new ArrayList<>();
            for (QuerySet.Query q : queries) {
                evidence.add(s.gather(q.text(), SearchFilters.none(), false, 60));
            }
            double best = -1;
            String bestLine = "";
            for (double lex = 0.4; lex <= 1.41; lex += 0.1) {
                for (double cur : new double[] {0.3, 0.5, 0.7, 0.9, 1.2, 1.6}) {
                    for (double kx : new double[] {0, 0.5, 1.0, 1.5, 2.5}) {
                        PartSearch.Fusion f = new PartSearch.Fusion(lex, 0.8, cur, kx, context, expansion, 60);
                        double[] even = score(s, evidence, queries, f, 0);
                        double[] odd = score(s, evidence, queries, f, 1);
                        double objective = even[0] + even[1];
                        if (objective > best) {
                            best = objective;
                            bestLine = String.format(Locale.ROOT,
                                    "context %.2f expansion %.2f lexical %.2f vector 0.8 curated %.1f kicadExact %.2f | tune r@1 %.3f r@5 %.3f | held-out r@1 %.3f r@5 %.3f",
                                    context, expansion, lex, cur, kx, even[0], even[1], odd[0], odd[1]);
                        }
                    }
                }
            }
            System.out.println(bestLine);
        }
    }

    private static double[] score(PartSearch s, List<PartSearch.Evidence> evidence, List<QuerySet.Query> queries,
                                  PartSearch.Fusion f, int parity) {
        int n = 0;
        int at1 = 0;
        int at5 = 0;
        for (int i = parity; i < queries.size(); i += 2) {
            List<SearchHit> hits = s.rank(evidence.get(i), f, 5);
            n++;
            for (int r = 0; r < hits.size(); r++) {
                if (queries.get(i).expected().contains(hits.get(r).id())) {
                    if (r == 0) {
                        at1++;
                    }
                    at5++;
                    break;
                }
            }
        }
        return new double[] {at1 / (double) n, at5 / (double) n};
    }
}
