// Reading inputs: regular files mapped, pipes/FIFOs/devices streamed, the head before the rest,
// and the size limit that ends an endless stream with an error instead of exhausting memory.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "importers/input/input_file.hpp"
#include "support/test_support.hpp"

namespace litrev::input {
namespace {

using ::testing::HasSubstr;
using test::TempDir;
using test::write_file;

TEST(InputFile, ARegularFileIsReadWholeAndItsHeadIsItsStart) {
  TempDir dir;
  std::string content(kHeadBytes + 1000, 'x');
  content.front() = '@';
  write_file(dir / "a.bib", content);
  auto in = InputFile::open((dir / "a.bib").string());
  ASSERT_TRUE(in) << in.error().message;
  EXPECT_EQ(in->head().size(), kHeadBytes);
  EXPECT_EQ(in->head().front(), '@');
  auto all = std::move(*in).read_all();
  ASSERT_TRUE(all);
  EXPECT_EQ(all->bytes, content);
  EXPECT_EQ(all->source, (dir / "a.bib").string());
}

TEST(InputFile, AnEmptyFileHasAnEmptyHead) {
  TempDir dir;
  write_file(dir / "empty.bib", "");
  auto in = InputFile::open((dir / "empty.bib").string());
  ASSERT_TRUE(in);
  EXPECT_TRUE(in->head().empty());
  EXPECT_TRUE(std::move(*in).read_all()->bytes.empty());
}

TEST(InputFile, MissingFilesAndDirectoriesAreErrorsNamingThePath) {
  TempDir dir;
  const auto missing = InputFile::open((dir / "nope.bib").string());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().source, (dir / "nope.bib").string());
  EXPECT_EQ(missing.error().message, "cannot open: No such file or directory");
  const auto folder = InputFile::open(dir.path().string());
  ASSERT_FALSE(folder);
  EXPECT_EQ(folder.error().message, "cannot read: Is a directory");
}

TEST(InputFile, AFileOverTheLimitIsRefusedWithTheLimitInTheMessage) {
  TempDir dir;
  write_file(dir / "big.bib", std::string(3000, 'x'));
  auto in = InputFile::open((dir / "big.bib").string());
  ASSERT_TRUE(in);
  const auto all = std::move(*in).read_all(2048);
  ASSERT_FALSE(all);
  EXPECT_EQ(all.error().message, "larger than the 2 KiB input limit; nothing read (split it into smaller files)");
  auto exact = InputFile::open((dir / "big.bib").string());
  EXPECT_TRUE(std::move(*exact).read_all(3000));
}

// /dev/zero never ends: its head is there at once, and reading it all stops at the limit.
TEST(InputFile, AnEndlessDeviceStopsAtTheLimit) {
  auto in = InputFile::open("/dev/zero");
  ASSERT_TRUE(in) << in.error().message;
  EXPECT_EQ(in->head(), std::string(kHeadBytes, '\0'));
  const auto started = std::chrono::steady_clock::now();
  const auto all = std::move(*in).read_all(std::size_t{8} << 20);
  ASSERT_FALSE(all);
  EXPECT_THAT(all.error().message, HasSubstr("larger than the 8 MiB input limit"));
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(20));
}

TEST(InputFile, APipeIsReadInChunksUpToItsEnd) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const std::string content(200000, 'b');
  std::thread writer = test::write_in_background(fds[1], content);
  auto in = InputFile::from_fd(fds[0], "-");
  ASSERT_TRUE(in);
  EXPECT_EQ(in->head().size(), kHeadBytes);
  auto all = std::move(*in).read_all();
  writer.join();
  ::close(fds[0]);
  ASSERT_TRUE(all);
  EXPECT_EQ(all->bytes, content);
  EXPECT_EQ(all->source, "-");
}

TEST(InputFile, AFifoIsReadFromItsWriter) {
  TempDir dir;
  const auto fifo = dir / "refs.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::thread writer([&] {
    std::FILE* f = std::fopen(fifo.c_str(), "w");
    if (!f) return;
    std::fputs("@misc{k, title = {Through a FIFO}}\n", f);
    std::fclose(f);
  });
  auto in = InputFile::open(fifo.string());
  ASSERT_TRUE(in) << in.error().message;
  auto all = std::move(*in).read_all();
  writer.join();
  ASSERT_TRUE(all);
  EXPECT_EQ(all->bytes, "@misc{k, title = {Through a FIFO}}\n");
}

TEST(InputFile, SizesAreShownInBinaryUnits) {
  EXPECT_EQ(format_size(std::size_t{1} << 30), "1 GiB");
  EXPECT_EQ(format_size(std::size_t{64} << 20), "64 MiB");
  EXPECT_EQ(format_size(2048), "2 KiB");
  EXPECT_EQ(format_size(300), "300 bytes");
  EXPECT_EQ(format_size(1536), "1.5 KiB");
}

}  // namespace
}  // namespace litrev::input
