#include "roster/render/render_members.hpp"

#include "yaml_text.hpp"

namespace roster::render {

void render_members_yaml(const std::vector<model::DesiredMember>& members,
                         const std::string& header, std::ostream& out) {
  write_yaml_header(header, out);
  out << "version: 1\n";
  out << "members:" << (members.empty() ? " []\n" : "\n");
  for (const auto& member : members)
    write_member_yaml(member, out);
}

}  // namespace roster::render
