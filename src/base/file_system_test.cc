// Tests of MemoryFileSystem, RealFileSystem and JoinPath.
#include "medtra/base/file_system.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <ostream>
#include <thread>
#include <utility>

namespace medtra {
namespace {

TEST(JoinPathTest, JoinsWithOneSlash) {
  EXPECT_EQ(JoinPath("a", "b"), "a/b");
  EXPECT_EQ(JoinPath("a/", "b"), "a/b");
  EXPECT_EQ(JoinPath("", "b"), "b");
}

TEST(MemoryFileSystemTest, FilesAndImpliedDirectories) {
  MemoryFileSystem fs;
  fs.AddFile("m/a.yaml", "a");
  fs.AddFile("m/sub/b.yaml", "b");
  fs.AddFile("mm.yaml", "c");
  EXPECT_EQ(fs.Kind("m/a.yaml"), PathKind::kFile);
  EXPECT_EQ(fs.Kind("m"), PathKind::kDirectory);
  EXPECT_EQ(fs.Kind("m/sub"), PathKind::kDirectory);
  EXPECT_EQ(fs.Kind("m/s"), PathKind::kMissing);
  EXPECT_EQ(fs.Kind("nothing"), PathKind::kMissing);
  EXPECT_EQ(*fs.ListDirectory("m"), (std::vector<std::string>{"a.yaml", "sub"}));
  EXPECT_EQ(fs.ListDirectory("x").message(), "No such file or directory");
  EXPECT_EQ(*fs.ReadFile("m/a.yaml", 10), "a");
  EXPECT_EQ(fs.ReadFile("m/a.yaml", 0).message(), "file is larger than 0 bytes");
  EXPECT_EQ(fs.ReadFile("m", 10).message(), "is a directory");
  EXPECT_EQ(fs.ReadFile("x", 10).message(), "No such file or directory");
  EXPECT_TRUE(fs.WriteFileAtomic("out/r.json", "{}").ok());
  EXPECT_EQ(*fs.ReadFile("out/r.json", 10), "{}");
  EXPECT_TRUE(fs.WriteFileAtomicStream("out/s.json", [](std::ostream& out) {
                  out << "[" << 1 << "]";
                }).ok());
  EXPECT_EQ(*fs.ReadFile("out/s.json", 10), "[1]");
}

/// Writes pieces of every size the stream buffer treats apart: single characters, small pieces,
/// a piece that fills the 1 MiB block exactly, and one larger than the block. Returns the text.
std::string WritePieces(std::ostream& out) {
  std::string expected;
  for (int i = 0; i < 1000; ++i) {
    const std::string piece = "piece " + std::to_string(i) + "\n";
    out << piece;
    expected += piece;
    out.put(static_cast<char>('a' + i % 26));
    expected += static_cast<char>('a' + i % 26);
  }
  const std::string block(size_t{1} << 20, 'b');
  const std::string large((size_t{3} << 20) + 7, 'L');
  out << block << large << "end\n";
  return expected + block + large + "end\n";
}

class RealFileSystemTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "medtra-fs-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
  RealFileSystem fs_;
};

TEST_F(RealFileSystemTest, WritesAtomicallyAndReadsBack) {
  const std::string path = JoinPath(dir_, "out/report.json");
  ASSERT_TRUE(fs_.CreateDirectories(JoinPath(dir_, "out")).ok());
  ASSERT_TRUE(fs_.WriteFileAtomic(path, "first").ok());
  ASSERT_TRUE(fs_.WriteFileAtomic(path, "second").ok());
  EXPECT_EQ(*fs_.ReadFile(path, 100), "second");
  EXPECT_EQ(fs_.Kind(path), PathKind::kFile);
  EXPECT_EQ(*fs_.ListDirectory(JoinPath(dir_, "out")), std::vector<std::string>{"report.json"});
  EXPECT_EQ(fs_.ReadFile(path, 3).message(), "file is larger than 3 bytes");
}

TEST_F(RealFileSystemTest, ReportsWhatCannotBeRead) {
  EXPECT_EQ(fs_.Kind(JoinPath(dir_, "missing")), PathKind::kMissing);
  EXPECT_EQ(fs_.ReadFile(JoinPath(dir_, "missing"), 10).message(), "No such file or directory");
  EXPECT_EQ(fs_.Kind(dir_), PathKind::kDirectory);
  EXPECT_EQ(fs_.ReadFile(dir_, 10).message(), "is a directory");
  EXPECT_EQ(fs_.Kind("/dev/null"), PathKind::kOther);
  EXPECT_EQ(fs_.ReadFile("/dev/null", 10).message(), "not a regular file");
  EXPECT_FALSE(fs_.ListDirectory(JoinPath(dir_, "missing")).ok());
  EXPECT_FALSE(fs_.WriteFileAtomic(JoinPath(dir_, "no/such/dir/f"), "x").ok());
}

/// What a reader of the FIFO `fifo` gets while `write` writes to it, and `write`'s status.
std::pair<std::string, Status> ReadThroughFifo(const std::string& fifo,
                                               const std::function<Status()>& write) {
  std::string read;
  std::thread reader([&] {
    std::ifstream in(fifo, std::ios::binary);
    read.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  });
  Status written = write();
  reader.join();
  return {read, written};
}

TEST_F(RealFileSystemTest, AFifoOrDeviceIsWrittenToNotReplaced) {
  // `-o /dev/null` once replaced the device with a regular file; a FIFO shows the same without
  // touching the machine's devices, for a whole text and for a streamed one.
  const std::string fifo = JoinPath(dir_, "pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const auto [read, written] =
      ReadThroughFifo(fifo, [&] { return fs_.WriteFileAtomic(fifo, "through the pipe\n"); });
  EXPECT_TRUE(written.ok()) << written.message();
  EXPECT_EQ(read, "through the pipe\n");
  EXPECT_EQ(fs_.Kind(fifo), PathKind::kOther);  // still a FIFO
  std::string expected;
  const auto [streamed, status] = ReadThroughFifo(fifo, [&] {
    return fs_.WriteFileAtomicStream(fifo, [&](std::ostream& out) { expected = WritePieces(out); });
  });
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(streamed, expected);
  EXPECT_EQ(fs_.Kind(fifo), PathKind::kOther);
  EXPECT_EQ(fs_.WriteFileAtomic(dir_, "x").message(), dir_ + ": is a directory");
}

TEST_F(RealFileSystemTest, AStreamedWriteGivesTheSameBytesAndLeavesNoTemporaryFile) {
  const std::string path = JoinPath(dir_, "report.json");
  ASSERT_TRUE(fs_.WriteFileAtomic(path, "old").ok());
  std::string expected;
  const Status written =
      fs_.WriteFileAtomicStream(path, [&](std::ostream& out) { expected = WritePieces(out); });
  ASSERT_TRUE(written.ok()) << written.message();
  EXPECT_GT(expected.size(), size_t{4} << 20);
  EXPECT_EQ(*fs_.ReadFile(path, size_t{16} << 20), expected);
  EXPECT_EQ(*fs_.ListDirectory(dir_), std::vector<std::string>{"report.json"});
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST_F(RealFileSystemTest, AStreamedWriteThatFailsKeepsTheOldFileAndSaysWhy) {
  // A missing folder: nothing is written, and the message names the path.
  const std::string missing = JoinPath(dir_, "no/such/r.json");
  EXPECT_EQ(fs_.WriteFileAtomicStream(missing, [](std::ostream& out) { out << "x"; }).message(),
            missing + ": No such file or directory");
  // A write that fails on the way (a full device) reports the error of the write, once, and
  // the stream refuses what follows.
  bool stream_failed = false;
  const Status full = fs_.WriteFileAtomicStream("/dev/full", [&](std::ostream& out) {
    WritePieces(out);
    stream_failed = !out.good();
  });
  EXPECT_EQ(full.message(), "/dev/full: No space left on device");
  EXPECT_TRUE(stream_failed);
  EXPECT_EQ(fs_.WriteFileAtomic("/dev/full", "x").message(), "/dev/full: No space left on device");
  EXPECT_EQ(*fs_.ListDirectory(dir_), std::vector<std::string>{});
}

}  // namespace
}  // namespace medtra
