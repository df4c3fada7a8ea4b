#pragma once

#include <string>

namespace usher::testing {

// Small synchronous SQL helpers for tests that look into a database directly.

// The first column of the first row as text, "(null)" for SQL NULL.
std::string queryOne(const std::string& url, const std::string& sql);
// Runs statements in one transaction and commits.
void execute(const std::string& url, const std::string& sql);
bool canConnect(const std::string& url);

} // namespace usher::testing
