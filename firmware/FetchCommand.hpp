// SPDX-License-Identifier: Apache-2.0
// `newsticker fetch`: the config's feeds into the content folder, then exit.
#pragma once

#include <string>

#include "firmware/CommandLine.hpp"

namespace newsticker::firmware {

// Fetches options.feeds into options.content_dir (FeedFetcher.hpp), with
// --dry-run printing instead of writing. Returns the exit status: 0 when
// every feed was fetched (or none is configured: one line says so), 1 when
// any failed (each logged once), 2 without a content folder. While another
// fetch holds the folder's lock, says so and returns 0. Never throws.
int runFetchCommand(const Options& options, const std::string& user_agent);

}  // namespace newsticker::firmware
