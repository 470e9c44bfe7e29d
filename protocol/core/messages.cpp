#include "protocol/core/messages.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include "protocol/core/limits.hpp"

namespace praxis::protocol {
namespace {

// A stream id as an object key: decimal digits only (no sign, space or
// leading zero, so that each stream has exactly one spelling), fitting an Id.
bool parse_key(const std::string& key, Id& id) {
  const char* end = key.data() + key.size();
  const auto [ptr, ec] = std::from_chars(key.data(), end, id);
  return ec == std::errc() && ptr == end && key[0] >= '1' && key[0] <= '9';
}

std::map<Id, Seq> decode_resume(const Json& v) {
  std::map<Id, Seq> out;
  if (v.is_null()) return out;
  if (!v.is_object() || v.size() > kMaxResumeStreams) {
    throw FieldError(ErrorCode::kBadField, "field 'resume': expected an object of stream -> seq");
  }
  for (const auto& [key, seq] : v.items()) {
    Id stream = 0;
    if (!parse_key(key, stream) || !seq.is_number_integer() || seq.get<std::int64_t>() < 0) {
      throw FieldError(ErrorCode::kBadField, "field 'resume': expected stream ids mapped to seqs");
    }
    out[stream] = seq.get<std::int64_t>();
  }
  return out;
}

Hello hello(const Fields& f) {
  Hello h;
  // Any version but the server's is answered with version_mismatch: a value too
  // large for int must stay different from every real one, not wrap around.
  h.version =
      static_cast<int>(std::min<std::int64_t>(f.count("version"), std::numeric_limits<int>::max()));
  if (f.has("resume")) h.resume = decode_resume(f.object().at("resume"));
  return h;
}

Json seq_map(const std::map<Id, Seq>& seqs) {
  Json j = Json::object();
  for (const auto& [id, seq] : seqs) j[std::to_string(id)] = seq;
  return j;
}

}  // namespace

void add_core_messages(MessageSet& set) {
  set.add<Hello>(hello);
  set.add<Subscribe>([](const Fields& f) {
    Subscribe m{f.id("stream"), std::nullopt};
    if (f.has("after")) m.after = f.count("after");
    return m;
  });
  set.add<Unsubscribe>([](const Fields& f) { return Unsubscribe{f.id("stream")}; });
  set.add<Ping>([](const Fields&) { return Ping{}; });
}

void to_json(Json& j, const Welcome& m) {
  j = envelope(Welcome::kType);
  j["version"] = kProtocolVersion;
  j["user"] = m.user;
  j["limits"] = m.limits.is_null() ? Json::object() : m.limits;
}

void to_json(Json& j, const Ack& m) {
  j = envelope(Ack::kType, m.rid);
  j["stream"] = m.stream;
  j["seq"] = m.seq;
}

void to_json(Json& j, const Subscribed& m) {
  j = envelope(Subscribed::kType, m.rid);
  j["stream"] = m.stream;
  j["seq"] = m.seq;
}

void to_json(Json& j, const Unsubscribed& m) {
  j = envelope(Unsubscribed::kType, m.rid);
  j["stream"] = m.stream;
}

void to_json(Json& j, const Synced& m) {
  j = envelope(Synced::kType);
  j["streams"] = seq_map(m.streams);
}

void to_json(Json& j, const Resync& m) {
  j = envelope(Resync::kType);
  j["stream"] = m.stream;
  j["last_seq"] = m.last_seq;
  if (!m.alias.empty()) j[m.alias] = m.stream;
}

void to_json(Json& j, const Pong& m) { j = envelope(Pong::kType, m.rid); }

void to_json(Json& j, const ErrorReply& m) {
  j = envelope(ErrorReply::kType, m.rid);
  j["code"] = to_string(m.error.code);
  j["message"] = m.error.message;
}

std::string event_frame(Id stream, Seq seq, std::string_view body) {
  std::string out = R"({"type":"event","stream":)";
  out += std::to_string(stream);
  out += R"(,"seq":)";
  out += std::to_string(seq);
  // body is "{...}": splice its members after ours ("{}" adds nothing).
  const auto members = body.size() > 2 ? body.substr(1) : std::string_view("}");
  if (members.size() > 1) out += ',';
  out += members;
  return out;
}

}  // namespace praxis::protocol
