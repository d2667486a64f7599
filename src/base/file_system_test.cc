// Tests of MemoryFileSystem, RealFileSystem and JoinPath.
#include "medtra/base/file_system.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

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

TEST_F(RealFileSystemTest, AFifoOrDeviceIsWrittenToNotReplaced) {
  // `-o /dev/null` once replaced the device with a regular file; a FIFO shows the same without
  // touching the machine's devices.
  const std::string fifo = JoinPath(dir_, "pipe");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string read;
  std::thread reader([&] {
    std::ifstream in(fifo, std::ios::binary);
    read.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  });
  const Status written = fs_.WriteFileAtomic(fifo, "through the pipe\n");
  reader.join();
  EXPECT_TRUE(written.ok()) << written.message();
  EXPECT_EQ(read, "through the pipe\n");
  EXPECT_EQ(fs_.Kind(fifo), PathKind::kOther);  // still a FIFO
  EXPECT_EQ(fs_.WriteFileAtomic(dir_, "x").message(), dir_ + ": is a directory");
}

}  // namespace
}  // namespace medtra
