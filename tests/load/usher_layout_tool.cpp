// usher-layout: makes, checks and draws venue layout files. The demo venues in resources/venues/ and
// the large synthetic layouts for benchmarks come from here, so every file has a recipe in code.

#include "common/layout/demo_venues.h"
#include "common/layout/layout_json.h"
#include "common/layout/seat_location.h"
#include "common/layout/svg_export.h"
#include "common/layout/synthetic_layout.h"
#include "common/layout/validation.h"

#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <ostream>
#include <string>
#include <system_error>
#include <vector>

namespace usher::tools {
namespace {

namespace fs = std::filesystem;

std::optional<std::string> readFile(const std::string& path) {
    std::error_code error;
    const auto size = fs::file_size(path, error);
    std::ifstream in(path, std::ios::binary);
    if (error || !in) {
        return std::nullopt;
    }
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (static_cast<std::size_t>(in.gcount()) != text.size()) {
        return std::nullopt;
    }
    return text;
}

// Writes through a temporary file and a rename, so a failed run never leaves half a layout behind.
bool writeOutput(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::cout << text;
        std::cout.flush();
        return static_cast<bool>(std::cout);
    }
    const std::string temporary = path + ".tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.close();
        if (!out) {
            std::cerr << path << ": cannot write\n";
            std::error_code ignored;
            fs::remove(temporary, ignored);
            return false;
        }
    }
    std::error_code error;
    fs::rename(temporary, path, error);
    if (error) {
        std::cerr << path << ": cannot write: " << error.message() << "\n";
        fs::remove(temporary, error);
        return false;
    }
    return true;
}

std::string summary(const layout::VenueLayout& venue) {
    std::int64_t gaPlaces = 0;
    for (const layout::GaArea& area : venue.gaAreas) {
        gaPlaces += area.capacity;
    }
    return std::to_string(layout::seatCount(venue)) + " seats in " + std::to_string(venue.sections.size()) +
           " sections and " + std::to_string(venue.tables.size()) + " tables, " + std::to_string(gaPlaces) +
           " general-admission places in " + std::to_string(venue.gaAreas.size()) + " areas, " +
           std::to_string(venue.categories.size()) + " price categories";
}

int writeLayout(const layout::VenueLayout& venue, const std::string& out) {
    if (!writeOutput(out, layout::toJsonText(venue))) {
        return 1;
    }
    if (!out.empty() && out != "-") {
        std::cout << out << ": " << summary(venue) << "\n";
    }
    return 0;
}

// Reads and decodes one file, printing every decode error with the file name in front.
std::optional<layout::VenueLayout> loadLayout(const std::string& path, std::ostream& errors) {
    const auto text = readFile(path);
    if (!text) {
        std::cerr << path << ": cannot read the file\n";
        return std::nullopt;
    }
    auto decoded = layout::layoutFromJson(*text);
    if (!decoded) {
        for (const PathError& error : decoded.error()) {
            errors << path << ": " << error.toString() << "\n";
        }
        return std::nullopt;
    }
    return std::move(decoded).value();
}

int validateFiles(const std::vector<std::string>& paths) {
    int status = 0;
    for (const std::string& path : paths) {
        const auto venue = loadLayout(path, std::cout);
        if (!venue) {
            status = 1;
            continue;
        }
        // Problems are this command's output, so they go to standard output like a linter's.
        const auto problems = layout::validate(*venue);
        for (const PathError& problem : problems) {
            std::cout << path << ": " << problem.toString() << "\n";
        }
        if (problems.empty()) {
            std::cout << path << ": ok, " << summary(*venue) << "\n";
        } else {
            std::cout << path << ": " << problems.size() << " problem" << (problems.size() == 1 ? "" : "s")
                      << "\n";
            status = 1;
        }
    }
    return status;
}

int drawSvg(const std::string& path, const std::string& out) {
    const auto venue = loadLayout(path, std::cerr);
    if (!venue) {
        return 1;
    }
    // A layout with problems is still worth looking at: the drawing is how a designer finds them.
    for (const PathError& problem : layout::validate(*venue)) {
        std::cerr << path << ": warning: " << problem.toString() << "\n";
    }
    return writeOutput(out, layout::toSvg(*venue)) ? 0 : 1;
}

int run(int argc, char** argv) {
    CLI::App app{"usher-layout: make, check and draw Usher venue layout files"};
    app.require_subcommand(1);

    std::size_t seats = 0;
    layout::SyntheticOptions synthetic;
    std::string generateOut;
    auto* generate =
        app.add_subcommand("generate", "Write a synthetic layout with exactly N seats (benchmarks)");
    generate->add_option("--seats", seats, "Number of seats")->required()->check(CLI::Range(0, 10'000'000));
    generate->add_option("--seats-per-row", synthetic.seatsPerRow, "Seats in a full row")
        ->capture_default_str()
        ->check(CLI::Range(2, 1000));
    generate->add_option("--rows-per-section", synthetic.rowsPerSection, "Rows in a full section")
        ->capture_default_str()
        ->check(CLI::Range(1, 1000));
    generate->add_option("--out", generateOut, "Output file (default: standard output)");

    std::string demoName;
    std::string demoOut;
    auto* demo = app.add_subcommand("demo", "Write a demo venue from its recipe");
    demo->add_option("venue", demoName, "theatre or arena")
        ->required()
        ->check(CLI::IsMember({"theatre", "arena"}));
    demo->add_option("--out", demoOut, "Output file (default: standard output)");

    std::vector<std::string> validatePaths;
    auto* check = app.add_subcommand("validate", "Decode and validate layout files; exit 1 on any problem");
    check->add_option("files", validatePaths, "Layout JSON files")->required();

    std::string svgPath;
    std::string svgOut;
    auto* svg = app.add_subcommand("svg", "Draw a layout file as an SVG seat map");
    svg->add_option("file", svgPath, "Layout JSON file")->required();
    svg->add_option("--out", svgOut, "Output file (default: standard output)");

    CLI11_PARSE(app, argc, argv);

    if (generate->parsed()) {
        return writeLayout(layout::syntheticLayout(seats, synthetic), generateOut);
    }
    if (demo->parsed()) {
        return writeLayout(demoName == "theatre" ? layout::grandTheatre() : layout::cityArena(), demoOut);
    }
    if (check->parsed()) {
        return validateFiles(validatePaths);
    }
    return drawSvg(svgPath, svgOut);
}

} // namespace
} // namespace usher::tools

int main(int argc, char** argv) {
    return usher::tools::run(argc, argv);
}
