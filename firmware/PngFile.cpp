// SPDX-License-Identifier: Apache-2.0
#include "firmware/PngFile.hpp"

#include <SDL_image.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace newsticker::firmware {
namespace {

// A growable in-memory file for IMG_SavePNG_RW.
struct PngBuffer {
  std::vector<unsigned char> bytes;
  std::size_t position = 0;
};

PngBuffer& bufferOf(SDL_RWops* rw) { return *static_cast<PngBuffer*>(rw->hidden.unknown.data1); }

Sint64 SDLCALL bufferSize(SDL_RWops* rw) { return static_cast<Sint64>(bufferOf(rw).bytes.size()); }

Sint64 SDLCALL bufferSeek(SDL_RWops* rw, Sint64 offset, int whence) {
  PngBuffer& buffer = bufferOf(rw);
  Sint64 base = 0;
  if (whence == RW_SEEK_CUR) base = static_cast<Sint64>(buffer.position);
  if (whence == RW_SEEK_END) base = static_cast<Sint64>(buffer.bytes.size());
  if (base + offset < 0) return SDL_SetError("seek before the start of the PNG buffer");
  buffer.position = static_cast<std::size_t>(base + offset);
  return static_cast<Sint64>(buffer.position);
}

size_t SDLCALL bufferRead(SDL_RWops*, void*, size_t, size_t) { return 0; }

size_t SDLCALL bufferWrite(SDL_RWops* rw, const void* data, size_t size, size_t count) {
  PngBuffer& buffer = bufferOf(rw);
  const std::size_t n = size * count;
  if (buffer.bytes.size() < buffer.position + n) buffer.bytes.resize(buffer.position + n);
  std::memcpy(buffer.bytes.data() + buffer.position, data, n);
  buffer.position += n;
  return count;
}

int SDLCALL bufferClose(SDL_RWops*) { return 0; }

}  // namespace

bool encodePng(SDL_Surface& surface, std::vector<unsigned char>& png, std::string& error) {
  PngBuffer buffer;
  SDL_RWops* rw = SDL_AllocRW();
  if (rw == nullptr) {
    error = SDL_GetError();
    return false;
  }
  rw->type = SDL_RWOPS_UNKNOWN;
  rw->size = bufferSize;
  rw->seek = bufferSeek;
  rw->read = bufferRead;
  rw->write = bufferWrite;
  rw->close = bufferClose;
  rw->hidden.unknown.data1 = &buffer;
  const int status = IMG_SavePNG_RW(&surface, rw, 0);
  SDL_FreeRW(rw);
  if (status != 0 || buffer.bytes.empty()) {
    error = std::string("cannot encode the PNG: ") + IMG_GetError();
    return false;
  }
  png = std::move(buffer.bytes);
  return true;
}

PngFile::PngFile(std::string path) : path_(std::move(path)), file_(std::fopen(path_.c_str(), "wb")) {
  if (file_ == nullptr) error_ = std::strerror(errno);
}

PngFile::~PngFile() {
  if (file_ != nullptr) {
    std::fclose(file_);
    removePartial();
  }
}

bool PngFile::write(const std::vector<unsigned char>& bytes) {
  if (file_ == nullptr) return false;
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), file_) == bytes.size() && std::fflush(file_) == 0;
  if (!ok) error_ = std::strerror(errno);
  // fsync fails with EINVAL on a file that cannot be synced (a pipe, a
  // device): nothing was lost there.
  if (ok && ::fsync(::fileno(file_)) != 0 && errno != EINVAL && errno != EROFS) {
    ok = false;
    error_ = std::strerror(errno);
  }
  if (std::fclose(file_) != 0 && ok) {
    ok = false;
    error_ = std::strerror(errno);
  }
  file_ = nullptr;
  if (!ok) removePartial();
  return ok;
}

void PngFile::removePartial() {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path_, ec)) std::filesystem::remove(path_, ec);
}

bool writePngFile(SDL_Surface& surface, const std::string& path, std::string& error) {
  PngFile file(path);
  if (!file.isOpen()) {
    error = file.error();
    return false;
  }
  std::vector<unsigned char> png;
  if (!encodePng(surface, png, error)) return false;
  if (!file.write(png)) {
    error = file.error();
    return false;
  }
  return true;
}

}  // namespace newsticker::firmware
