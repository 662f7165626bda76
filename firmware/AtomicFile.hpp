// SPDX-License-Identifier: Apache-2.0
// Files that a reader (the display's reload) never sees half written: written
// beside their place under a hidden temporary name, synced, then renamed over it.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace newsticker::firmware {

enum class AtomicWrite { Unchanged, Written, Failed };

// Makes `path` hold exactly `bytes`. When it already does, nothing is written
// (its mtime and inode stay): Unchanged. Otherwise the bytes go to
// ".<name>.tmp-<pid>" in the same folder, are fsync'ed and renamed over
// `path` (then the folder is synced): Written. Failed with `error` set when
// any step fails; the temporary file is removed and `path` is as it was.
// The folder must exist. Mode 0644 (less under the umask), or exactly
// `fixed_mode` when it is not 0 (files another user's service reads). Never throws.
AtomicWrite writeFileAtomically(const std::filesystem::path& path, std::string_view bytes, std::string& error,
                                unsigned fixed_mode = 0);

// The temporary name writeFileAtomically uses for `name` ("." + name +
// ".tmp-..."): true for leftovers of an interrupted write, to be removed.
bool isAtomicWriteLeftover(const std::string& name);

}  // namespace newsticker::firmware
