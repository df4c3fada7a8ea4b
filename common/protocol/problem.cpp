#include "common/protocol/problem.h"

#include "common/protocol/codec.h"

#include <boost/json/object.hpp>

#include <array>
#include <limits>

namespace usher::protocol {

namespace {

struct KindInfo {
    ProblemKind kind;
    std::string_view uri;
    std::string_view title;
    int status;
};

#define USHER_PROBLEM_URI(slug) "https://usher.dev/problems/" slug

constexpr std::array<KindInfo, 32> kKinds{{
    {ProblemKind::Validation, USHER_PROBLEM_URI("validation-failed"), "Request is not valid", 400},
    {ProblemKind::MalformedJson, USHER_PROBLEM_URI("malformed-json"), "Request body is not valid JSON", 400},
    {ProblemKind::IdempotencyKeyMissing, USHER_PROBLEM_URI("idempotency-key-required"),
     "Idempotency-Key header is required", 400},
    {ProblemKind::Unauthorized, USHER_PROBLEM_URI("unauthorized"), "Authentication required", 401},
    {ProblemKind::InvalidCredentials, USHER_PROBLEM_URI("invalid-credentials"), "Email or password is wrong",
     401},
    {ProblemKind::PaymentDeclined, USHER_PROBLEM_URI("payment-declined"), "Payment was declined", 402},
    {ProblemKind::Forbidden, USHER_PROBLEM_URI("forbidden"), "Not allowed", 403},
    {ProblemKind::NotFound, USHER_PROBLEM_URI("not-found"), "Not found", 404},
    {ProblemKind::MethodNotAllowed, USHER_PROBLEM_URI("method-not-allowed"), "Method not allowed", 405},
    {ProblemKind::SeatsUnavailable, USHER_PROBLEM_URI("seats-unavailable"), "Seats are not available", 409},
    {ProblemKind::EmailTaken, USHER_PROBLEM_URI("email-taken"), "Email address is already registered", 409},
    {ProblemKind::RequestInFlight, USHER_PROBLEM_URI("request-in-flight"),
     "A request with this idempotency key is still being processed", 409},
    {ProblemKind::HoldExtendLimit, USHER_PROBLEM_URI("hold-extend-limit"), "Hold cannot be extended further",
     409},
    {ProblemKind::NotOnSale, USHER_PROBLEM_URI("not-on-sale"), "Event is not on sale", 409},
    {ProblemKind::TicketLimitExceeded, USHER_PROBLEM_URI("ticket-limit-exceeded"), "Ticket limit exceeded",
     409},
    {ProblemKind::NotRefundable, USHER_PROBLEM_URI("not-refundable"), "Tickets cannot be refunded", 409},
    {ProblemKind::ShiftNotOpen, USHER_PROBLEM_URI("shift-not-open"), "No open shift of yours", 409},
    {ProblemKind::ShiftAlreadyOpen, USHER_PROBLEM_URI("shift-already-open"),
     "The device already has an open shift", 409},
    {ProblemKind::TicketNotValid, USHER_PROBLEM_URI("ticket-not-valid"), "Ticket is not valid", 409},
    {ProblemKind::AlreadyExists, USHER_PROBLEM_URI("already-exists"), "It exists already", 409},
    {ProblemKind::LayoutChangeRefused, USHER_PROBLEM_URI("layout-change-refused"),
     "The new layout lacks seats that are sold, held or allotted", 409},
    {ProblemKind::PreconditionFailed, USHER_PROBLEM_URI("precondition-failed"),
     "Changed by someone else since you loaded it", 412},
    {ProblemKind::PreconditionRequired, USHER_PROBLEM_URI("precondition-required"),
     "If-Match is required to change this", 428},
    {ProblemKind::HoldExpired, USHER_PROBLEM_URI("hold-expired"), "Hold has expired", 410},
    {ProblemKind::ChangesExpired, USHER_PROBLEM_URI("changes-expired"),
     "Changes are no longer available; refetch the seat map", 410},
    {ProblemKind::PayloadTooLarge, USHER_PROBLEM_URI("payload-too-large"), "Request body is too large", 413},
    {ProblemKind::UnsupportedMediaType, USHER_PROBLEM_URI("unsupported-media-type"),
     "Request body must be application/json", 415},
    {ProblemKind::IdempotencyKeyReused, USHER_PROBLEM_URI("idempotency-key-reused"),
     "Idempotency key was used with a different request", 422},
    {ProblemKind::RateLimited, USHER_PROBLEM_URI("rate-limited"), "Too many requests", 429},
    {ProblemKind::Internal, USHER_PROBLEM_URI("internal-error"), "Internal server error", 500},
    {ProblemKind::ServiceUnavailable, USHER_PROBLEM_URI("service-unavailable"), "Service is unavailable",
     503},
    {ProblemKind::PaymentTimeout, USHER_PROBLEM_URI("payment-timeout"),
     "Payment gateway did not answer; retry with the same idempotency key", 504},
}};

#undef USHER_PROBLEM_URI

const KindInfo& info(ProblemKind kind) {
    for (const KindInfo& entry : kKinds) {
        if (entry.kind == kind) {
            return entry;
        }
    }
    return kKinds[static_cast<std::size_t>(ProblemKind::Internal)];
}

} // namespace

std::string_view problemTypeUri(ProblemKind kind) {
    return info(kind).uri;
}

std::string_view problemTitle(ProblemKind kind) {
    return info(kind).title;
}

int problemStatus(ProblemKind kind) {
    return info(kind).status;
}

std::optional<ProblemKind> problemKindFromUri(std::string_view uri) {
    for (const KindInfo& entry : kKinds) {
        if (entry.uri == uri) {
            return entry.kind;
        }
    }
    return std::nullopt;
}

Problem makeProblem(ProblemKind kind, std::optional<std::string> detail) {
    Problem problem;
    problem.type = std::string(problemTypeUri(kind));
    problem.title = std::string(problemTitle(kind));
    problem.status = problemStatus(kind);
    problem.detail = std::move(detail);
    return problem;
}

Problem validationProblem(json::DecodeErrors errors) {
    std::string detail = errors.size() == 1 ? errors.front().toString()
                                            : std::to_string(errors.size()) + " problems; see errors";
    Problem problem = makeProblem(ProblemKind::Validation, std::move(detail));
    // A problem lists at most as many errors as a decoder reads back (a layout can have 500).
    if (errors.size() > json::Decoder::kMaxErrors) {
        errors.resize(json::Decoder::kMaxErrors);
    }
    problem.errors = std::move(errors);
    return problem;
}

boost::json::value toJson(const GaShortfall& shortfall) {
    return boost::json::object{{"area", shortfall.area}, {"available", shortfall.available}};
}

boost::json::value toJson(const Problem& problem) {
    boost::json::object out{{"type", problem.type}, {"title", problem.title}, {"status", problem.status}};
    if (problem.detail) {
        out["detail"] = *problem.detail;
    }
    if (problem.instance) {
        out["instance"] = *problem.instance;
    }
    if (!problem.unavailableSeats.empty()) {
        out["unavailable_seats"] = toJsonArray(problem.unavailableSeats);
    }
    if (!problem.unavailableGa.empty()) {
        out["unavailable_ga"] = toJsonArray(problem.unavailableGa);
    }
    if (problem.retryAfter) {
        out["retry_after"] = *problem.retryAfter;
    }
    if (!problem.errors.empty()) {
        boost::json::array errors;
        errors.reserve(problem.errors.size());
        for (const json::DecodeError& error : problem.errors) {
            errors.push_back(boost::json::object{{"path", error.path}, {"message", error.message}});
        }
        out["errors"] = std::move(errors);
    }
    return out;
}

void decode(json::Decoder& d, const boost::json::value& v, GaShortfall& out) {
    json::ObjectReader fields(d, v);
    fields.required("area", id(out.area));
    fields.required("available", json::inRange(out.available, 0, std::numeric_limits<std::int64_t>::max()));
}

namespace {

void decodeFieldError(json::Decoder& d, const boost::json::value& v, json::DecodeError& out) {
    json::ObjectReader fields(d, v);
    // The root of a document has an empty path.
    fields.required("path", json::Text{out.path, 0, 1024});
    fields.required("message", json::Text{out.message, 1, 1024});
}

} // namespace

void decode(json::Decoder& d, const boost::json::value& v, Problem& out) {
    json::ObjectReader fields(d, v);
    // RFC 9457: a client ignores extension members it does not know.
    fields.allowUnknownFields();
    fields.required("type", json::Text{out.type, 1, 1024});
    fields.required("title", json::Text{out.title, 0, 1024});
    fields.required("status", json::inRange(out.status, 100, 599));
    fields.optional("detail", out.detail);
    fields.optional("instance", out.instance);
    fields.optional("unavailable_seats",
                    IdList{out.unavailableSeats, 0, std::numeric_limits<std::size_t>::max(), "seat id"});
    fields.optional("unavailable_ga", out.unavailableGa);
    if (fields.has("retry_after")) {
        std::int64_t retryAfter = 0;
        fields.required("retry_after",
                        json::inRange(retryAfter, 0, std::numeric_limits<std::int32_t>::max()));
        out.retryAfter = retryAfter;
    }
    fields.optional("errors", with([&](json::Decoder& dd, const boost::json::value& errors) {
                        const auto* array = arrayOf(dd, errors, 0, json::Decoder::kMaxErrors);
                        if (array == nullptr) {
                            return;
                        }
                        out.errors.resize(array->size());
                        for (std::size_t i = 0; i < array->size(); ++i) {
                            auto scope = dd.at(i);
                            decodeFieldError(dd, (*array)[i], out.errors[i]);
                        }
                    }));
}

} // namespace usher::protocol
