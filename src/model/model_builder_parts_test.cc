// Tests of ModelBuilder::BuildListInParts through LoadModel: a model with lists long enough to be
// built in parts gives the same model and the same diagnostics, in the same order, on 1, 2 and 5
// threads; with a diagnostic in one part the list is built again on one thread.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "medtra/model/model_loader.h"

namespace medtra::model {
namespace {

constexpr int kComponents = 5000;  // above the two parts of 2048 items that start the threads

/// A model file of kComponents components and as many flows; `edit` may change item i's text.
std::string LargeModel(const std::function<std::string(int, std::string)>& edit) {
  std::string text = R"(medtra: 1
system:
  id: s
  name: S
  intended_use: Use
  essential_functions:
    - {id: EF-1, name: Therapy, component: c0}
  intended_environment:
    - {id: ENV-1, name: Clinic, setting: clinic}
zones:
  - {id: Z-1, name: Zone}
assets:
  - {id: A-1, name: Data, kind: data, protect: [integrity]}
components:
)";
  for (int i = 0; i < kComponents; ++i) {
    const std::string id = "c" + std::to_string(i);
    text += edit(
        i, "  - {id: " + id + ", name: C " + std::to_string(i) + ", kind: implant, zone: Z-1}\n");
  }
  text += "flows:\n";
  for (int i = 0; i < kComponents; ++i) {
    text += edit(kComponents + i, "  - {id: F-" + std::to_string(i) + ", between: [c" +
                                      std::to_string(i) + ", c" +
                                      std::to_string((i + 1) % kComponents) +
                                      "], medium: rf, carries: [A-1], authentication: none, "
                                      "confidentiality: none, integrity: none, freshness: none}\n");
  }
  return text;
}

struct Loaded {
  std::unique_ptr<const SystemModel> model;
  std::string diagnostics;
  int suppressed = 0;
};

Loaded Load(const std::string& text, unsigned threads) {
  MemoryFileSystem fs;
  fs.AddFile("m.yaml", text);
  DiagnosticSink sink;
  LoadOptions options;
  options.threads = threads;
  Loaded out;
  out.model = LoadModel(fs, "m.yaml", sink, nullptr, options);
  out.diagnostics = RenderTextAll(sink, nullptr);
  out.suppressed = sink.suppressed();
  return out;
}

/// What the model holds of the lists built in parts, in order.
std::string Lists(const SystemModel& m) {
  std::string out;
  for (const Component& c : m.components) out += c.id + " " + c.kind + " " + c.zone + "\n";
  for (const Flow& f : m.flows) out += f.id + " " + f.from + ">" + f.to + " " + f.medium + "\n";
  for (const Asset& a : m.assets) out += a.id + "\n";
  return out;
}

/// Loads on 1, 2 and 5 threads and expects the same; returns the one-thread load.
Loaded ExpectSameOnAnyThreads(const std::string& text) {
  Loaded one = Load(text, 1);
  for (const unsigned threads : {2u, 5u}) {
    const Loaded many = Load(text, threads);
    EXPECT_EQ(many.diagnostics, one.diagnostics) << threads;
    EXPECT_EQ(many.suppressed, one.suppressed) << threads;
    EXPECT_EQ(many.model == nullptr, one.model == nullptr) << threads;
    if (one.model && many.model) {
      EXPECT_TRUE(Lists(*many.model) == Lists(*one.model)) << threads;
    }
  }
  return one;
}

std::string Unchanged(int, std::string line) { return line; }

TEST(ModelBuilderPartsTest, AValidModelIsTheSameOnAnyThreads) {
  const Loaded one = ExpectSameOnAnyThreads(LargeModel(Unchanged));
  EXPECT_EQ(one.diagnostics, "");
  ASSERT_NE(one.model, nullptr);
  EXPECT_EQ(one.model->components.size(), size_t{kComponents});
  EXPECT_EQ(one.model->flows.size(), size_t{kComponents});
  EXPECT_EQ(one.model->components[4321].id, "c4321");
  EXPECT_EQ(one.model->flows[kComponents - 1].to, "c0");
}

TEST(ModelBuilderPartsTest, ADuplicateIdAcrossPartsIsReportedAtTheSecondDefinition) {
  // c10 again as item 4500 (lines: 14 before the components, so item i is on line 15 + i).
  const Loaded one = ExpectSameOnAnyThreads(LargeModel([](int i, std::string line) {
    return i == 4500 ? std::string("  - {id: c10, name: Again, kind: implant}\n") : line;
  }));
  // The flows that named c4500 now name nothing.
  EXPECT_EQ(one.diagnostics,
            "m.yaml:4515:10: error: duplicate id 'c10' (first defined as a component at "
            "m.yaml:25:10) [duplicate-id]\n"
            "m.yaml:9515:35: error: unknown component 'c4500' (did you mean 'c1500'?) "
            "[unknown-reference]\n"
            "m.yaml:9516:28: error: unknown component 'c4500' (did you mean 'c1500'?) "
            "[unknown-reference]\n");
}

TEST(ModelBuilderPartsTest, AnErrorInOnePartGivesTheMessagesOfOneThread) {
  // A wrong kind in the middle of the components and an unknown medium among the flows, beside a
  // duplicate id: the parts report, so each list is built again on one thread.
  const Loaded one = ExpectSameOnAnyThreads(LargeModel([](int i, std::string line) {
    if (i == 3000) return std::string("  - {id: c3000, name: X, kind: toaster}\n");
    if (i == 4999) return std::string("  - {id: c1, name: Again, kind: implant}\n");
    if (i == kComponents + 7) {
      return std::string(
          "  - {id: F-7, between: [c7, c8], medium: smoke, carries: [A-1], authentication: none, "
          "confidentiality: none, integrity: none, freshness: none}\n");
    }
    return line;
  }));
  EXPECT_NE(one.diagnostics.find("m.yaml:3015:32: error: unknown value 'toaster'"),
            std::string::npos)
      << one.diagnostics;
  EXPECT_NE(
      one.diagnostics.find("duplicate id 'c1' (first defined as a component at m.yaml:16:10)"),
      std::string::npos)
      << one.diagnostics;
  EXPECT_NE(one.diagnostics.find("'smoke'"), std::string::npos) << one.diagnostics;
  EXPECT_EQ(one.model, nullptr);
}

TEST(ModelBuilderPartsTest, MoreErrorsThanTheLimitKeepTheSameFirstOnes) {
  // Every component of the second half has a wrong kind: far more than the 50 errors kept.
  const Loaded one = ExpectSameOnAnyThreads(LargeModel([](int i, std::string line) {
    if (i < kComponents / 2 || i >= kComponents) return line;
    return "  - {id: c" + std::to_string(i) + ", name: X, kind: toaster}\n";
  }));
  EXPECT_EQ(one.suppressed, kComponents / 2 - DiagnosticSink::kDefaultLimit);
}

}  // namespace
}  // namespace medtra::model
