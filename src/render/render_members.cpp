#include "roster/render/render_members.hpp"

#include <yaml-cpp/yaml.h>

#include "yaml_entries.hpp"
#include "yaml_text.hpp"

namespace roster::render {

void render_members_yaml(const std::vector<model::DesiredMember>& members,
                         const std::string& header, std::ostream& stream) {
  YAML::Emitter out(stream);
  write_yaml_header(out, header);
  out << YAML::BeginMap << YAML::Key << "version" << YAML::Value << 1;
  write_members_yaml(out, members);
  out << YAML::EndMap;
  finish_yaml_document(out, stream);
}

}  // namespace roster::render
