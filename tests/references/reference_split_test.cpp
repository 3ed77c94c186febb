#include <gtest/gtest.h>

#include "importers/references/reference_parser.hpp"

namespace litrev {
namespace {

using Strings = std::vector<std::string>;

TEST(SplitScopusReferences, SplitsAtSemicolons) {
  EXPECT_EQ(split_scopus_references("Bonacich, P., Some unique properties (2007) Social Networks, 29, pp. 555-564; "
                                    "Csardi, G., Nepusz, T., The igraph package (2006) InterJournal, 1695"),
            (Strings{"Bonacich, P., Some unique properties (2007) Social Networks, 29, pp. 555-564",
                     "Csardi, G., Nepusz, T., The igraph package (2006) InterJournal, 1695"}));
}

TEST(SplitScopusReferences, KeepsASemicolonInsideATitle) {
  EXPECT_EQ(split_scopus_references("Garfield, E., Citation indexes for science; a new dimension (1955) Science, 122, "
                                    "pp. 108-111; Peritz, B.C., On terminologies; the case of bibliometrics (1984) "
                                    "Libri, 34, pp. 233-242"),
            (Strings{"Garfield, E., Citation indexes for science; a new dimension (1955) Science, 122, pp. 108-111",
                     "Peritz, B.C., On terminologies; the case of bibliometrics (1984) Libri, 34, pp. 233-242"}));
}

TEST(SplitScopusReferences, StartsANewItemAtAnAuthorOrAYearEvenAfterAnUndatedOne) {
  EXPECT_EQ(split_scopus_references("Smith, J., An undated report, , Publisher; (2000) Directory of journals, , "
                                    "http://example.org; Doe, A.B., Title (2001) Journal, 1, pp. 1-2"),
            (Strings{"Smith, J., An undated report, , Publisher", "(2000) Directory of journals, , http://example.org",
                     "Doe, A.B., Title (2001) Journal, 1, pp. 1-2"}));
}

TEST(SplitScopusReferences, CollapsesLineBreaksAndDropsEmptyItems) {
  EXPECT_EQ(split_scopus_references("{Doe, A., A\n   title (2001) J, 1; ; }"), (Strings{"Doe, A., A title (2001) J, 1"}));
  EXPECT_TRUE(split_scopus_references("").empty());
}

TEST(SplitWosReferences, SplitsLinesAndDropsTheBibtexExportsDots) {
  EXPECT_EQ(split_wos_references("{Faems D, 2013, RES POLICY, V42, P1624, DOI 10.1016/j.respol.2013.06.001.\n"
                                 "   Anderberg M. R., 1973, CLUSTER ANAL APPL.}"),
            (Strings{"Faems D, 2013, RES POLICY, V42, P1624, DOI 10.1016/j.respol.2013.06.001",
                     "Anderberg M. R., 1973, CLUSTER ANAL APPL"}));
}

TEST(SplitWosReferences, KeepsDotsWhenNotEveryLineHasOne) {
  EXPECT_EQ(split_wos_references("Seligman M. E. P., 2002, AUTHENTIC HAPPINESS\nGieryn T.F, CULTURAL BOUNDARIES."),
            (Strings{"Seligman M. E. P., 2002, AUTHENTIC HAPPINESS", "Gieryn T.F, CULTURAL BOUNDARIES."}));
}

TEST(SplitWosReferences, SplitsTheTabDelimitedExportAtSemicolons) {
  EXPECT_EQ(split_wos_references("STAR SL, 1989, SOC STUD SCI, V19, P387; Latour B., 1987, SCI ACTION"),
            (Strings{"STAR SL, 1989, SOC STUD SCI, V19, P387", "Latour B., 1987, SCI ACTION"}));
  // A DOI may hold ";" but never "; ".
  EXPECT_EQ(split_wos_references("PETERSEN AC, 2000, B AM METEOROL SOC, V81, P265, DOI "
                                 "10.1175/1520-0477(2000)081<0265:POCS>2.3.CO;2")
                .size(),
            1u);
}

}  // namespace
}  // namespace litrev
