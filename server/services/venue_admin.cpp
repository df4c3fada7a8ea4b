#include "server/services/venue_admin.h"

#include "common/layout/layout_json.h"
#include "common/layout/validation.h"
#include "server/services/admin_support.h"

namespace usher::server::services {
namespace {

protocol::VenueInfo infoOf(const storage::VenueRow& row) {
    return {
        row.venue.id,   row.venue.name,
        row.venue.city, row.venue.timezone,
        row.revision,   row.layoutVersion ? std::optional<std::int64_t>(*row.layoutVersion) : std::nullopt};
}

Tagged<protocol::VenueInfo> tagged(const storage::VenueRow& row) {
    return {infoOf(row), entityTag('r', row.revision)};
}

// A time zone name as the tz database spells them ("Europe/Berlin", "UTC"): checked for shape; the
// server stores it for people and reports, it computes nothing with it.
bool looksLikeTimeZone(const std::string& zone) {
    return !zone.empty() && zone.size() <= 64 && std::all_of(zone.begin(), zone.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '/' || c == '_' || c == '-' ||
               c == '+';
    });
}

std::optional<Unexpected<protocol::Problem>> checkTimeZone(const std::optional<std::string>& zone) {
    if (zone && !looksLikeTimeZone(*zone)) {
        return badInput("timezone", "must be a time zone name like \"Europe/Berlin\"");
    }
    return std::nullopt;
}

} // namespace

Outcome<protocol::VenueList> VenueAdmin::list(const Caller& caller) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    protocol::VenueList list;
    for (const storage::VenueRow& row : m_admin.listVenues()) {
        list.venues.push_back(infoOf(row));
    }
    return list;
}

Outcome<Tagged<protocol::VenueInfo>> VenueAdmin::venue(const Caller& caller, const std::string& id) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    const auto row = m_admin.findVenue(id);
    if (!row) {
        return fail(protocol::ProblemKind::NotFound, "no venue with this id");
    }
    return tagged(*row);
}

Outcome<Tagged<protocol::VenueInfo>> VenueAdmin::create(const Caller& caller,
                                                        const protocol::VenueInput& input) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    json::DecodeErrors missing;
    for (const auto& [name, field] :
         {std::pair{"id", &input.id}, std::pair{"name", &input.name}, std::pair{"city", &input.city}}) {
        if (!*field) {
            missing.push_back({name, "missing required field"});
        }
    }
    if (!missing.empty()) {
        return unexpected(protocol::validationProblem(std::move(missing)));
    }
    if (auto bad = checkTimeZone(input.timezone)) {
        return *bad;
    }
    const storage::VenueRecord venue{*input.id, *input.name, *input.city, input.timezone.value_or("UTC")};
    const storage::RevisedWrite written = m_admin.createVenue(venue, caller.id);
    if (written.outcome == storage::RevisionOutcome::Exists) {
        return fail(protocol::ProblemKind::AlreadyExists, "a venue with this id exists");
    }
    return tagged({venue, written.revision, std::nullopt});
}

Outcome<Tagged<protocol::VenueInfo>> VenueAdmin::update(const Caller& caller, const std::string& id,
                                                        const std::optional<std::string>& ifMatch,
                                                        const protocol::VenueInput& input) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    if (input.id && *input.id != id) {
        return badInput("id", "a venue's id never changes");
    }
    if (auto bad = checkTimeZone(input.timezone)) {
        return *bad;
    }
    const auto current = m_admin.findVenue(id);
    if (!current) {
        return fail(protocol::ProblemKind::NotFound, "no venue with this id");
    }
    const auto expected = expectedRevision(ifMatch, 'r', current->revision);
    if (!expected) {
        return unexpected(expected.error());
    }
    storage::VenueRecord venue = current->venue;
    venue.name = input.name.value_or(venue.name);
    venue.city = input.city.value_or(venue.city);
    venue.timezone = input.timezone.value_or(venue.timezone);
    const storage::RevisedWrite written = m_admin.updateVenue(venue, *expected, caller.id);
    switch (written.outcome) {
    case storage::RevisionOutcome::Written:
        return tagged({venue, written.revision, current->layoutVersion});
    case storage::RevisionOutcome::NotFound:
        return fail(protocol::ProblemKind::NotFound, "no venue with this id");
    default:
        return fail(protocol::ProblemKind::PreconditionFailed, "someone else changed the venue meanwhile");
    }
}

Outcome<Tagged<protocol::LayoutVersion>> VenueAdmin::layout(const Caller& caller, const std::string& venueId,
                                                            std::optional<int> version) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    auto row = m_admin.layout(venueId, version);
    if (!row) {
        return fail(protocol::ProblemKind::NotFound, "this venue has no such layout version");
    }
    return Tagged<protocol::LayoutVersion>{{venueId, row->version, std::move(row->layout)},
                                           entityTag('v', row->version)};
}

Outcome<Tagged<protocol::LayoutVersion>> VenueAdmin::publish(const Caller& caller, const std::string& venueId,
                                                             const std::optional<std::string>& ifMatch,
                                                             const protocol::PublishLayoutRequest& request) {
    if (auto refused = refuseUnlessAdmin(caller)) {
        return *refused;
    }
    const auto venue = m_admin.findVenue(venueId);
    if (!venue) {
        return fail(protocol::ProblemKind::NotFound, "no venue with this id");
    }
    const int latest = venue->layoutVersion.value_or(0);
    const auto expected = expectedRevision(ifMatch, 'v', latest);
    if (!expected) {
        return unexpected(expected.error());
    }
    auto decoded = layout::layoutFromJsonValue(request.layout);
    json::DecodeErrors problems;
    if (!decoded) {
        problems = decoded.error();
    } else {
        for (const PathError& problem : layout::validate(decoded.value())) {
            problems.push_back(problem);
        }
    }
    if (!problems.empty()) {
        for (PathError& problem : problems) {
            problem.path = problem.path.empty() ? "layout" : "layout." + problem.path;
        }
        return unexpected(protocol::validationProblem(std::move(problems)));
    }
    // Stored as the canonical encoding of what was decoded, so every version reads back the same.
    const boost::json::value canonical = layout::toJson(decoded.value());
    const storage::RevisedWrite written = m_admin.publishLayout(venueId, *expected, canonical, caller.id);
    switch (written.outcome) {
    case storage::RevisionOutcome::Written:
        return Tagged<protocol::LayoutVersion>{{venueId, written.revision, canonical},
                                               entityTag('v', written.revision)};
    case storage::RevisionOutcome::NotFound:
        return fail(protocol::ProblemKind::NotFound, "no venue with this id");
    default:
        return fail(protocol::ProblemKind::PreconditionFailed,
                    "version " + std::to_string(written.revision) +
                        " was published meanwhile; reload, or overwrite");
    }
}

} // namespace usher::server::services
