// A zip archive built in memory with libzip (docx and odt are zip files).
#include <zip.h>

#include <memory>
#include <stdexcept>

#include "src/export/annotated_office.hpp"

namespace litrev {

std::string zip_archive(const std::vector<ZipMember>& members) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) throw std::runtime_error(std::string("zip: ") + zip_error_strerror(&error));
  zip_source_keep(buffer);  // read the bytes back after zip_close
  const std::unique_ptr<zip_source_t, decltype(&zip_source_free)> owned(buffer, &zip_source_free);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error(std::string("zip: ") + zip_error_strerror(&error));
  for (const auto& m : members) {
    zip_source_t* data = zip_source_buffer(archive, m.data.data(), m.data.size(), 0);
    const zip_int64_t index = data ? zip_file_add(archive, m.name.c_str(), data, ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (data) zip_source_free(data);
      const std::string why = zip_strerror(archive);
      zip_discard(archive);
      throw std::runtime_error("zip: " + m.name + ": " + why);
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), m.stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
  }
  if (zip_close(archive) != 0) {
    const std::string why = zip_strerror(archive);
    zip_discard(archive);
    throw std::runtime_error("zip: " + why);
  }
  std::string bytes;
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) != 0 || zip_source_open(buffer) != 0)
    throw std::runtime_error("zip: cannot read the archive back");
  bytes.resize(st.size);
  const zip_int64_t read = zip_source_read(buffer, bytes.data(), st.size);
  zip_source_close(buffer);
  if (read != static_cast<zip_int64_t>(st.size)) throw std::runtime_error("zip: short read of the archive");
  return bytes;
}

}  // namespace litrev
