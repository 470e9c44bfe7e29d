# praxis_feature(<name> [DEPENDS <feature>...] [LIBS <target>...]): one feature, one line in the
# top-level CMakeLists.txt. For each layer that has a folder of that name
# (protocol/<name>, storage/<name>, server/<name>) it builds a library
# praxis_<layer>_<name> from the folder's .cpp files, linked to that layer's
# core and to the feature's own lower layers, so the dependency rule holds per
# feature: server -> storage, protocol; nothing -> server. The names of all
# features go into PRAXIS_FEATURES (praxisd and the tests link them all).
# LIBS: what the feature's server library needs besides (e.g. argon2).
function(praxis_feature name)
  cmake_parse_arguments(F "" "" "DEPENDS;LIBS" ${ARGN})
  set(libs)
  foreach(layer protocol storage server)
    set(dir ${PROJECT_SOURCE_DIR}/${layer}/${name})
    if(NOT IS_DIRECTORY ${dir})
      continue()
    endif()
    file(GLOB sources CONFIGURE_DEPENDS ${dir}/*.cpp)
    set(lib praxis_${layer}_${name})
    add_library(${lib} STATIC ${sources})
    target_link_libraries(${lib} PUBLIC praxis_${layer}_core)
    if(layer STREQUAL "storage")
      target_link_libraries(${lib} PRIVATE SQLiteCpp)
    endif()
    if(layer STREQUAL "server")
      target_link_libraries(${lib} PUBLIC ${libs} PRIVATE ${F_LIBS})
      target_precompile_headers(${lib} REUSE_FROM praxis_server_core)
    endif()
    foreach(dep ${F_DEPENDS})
      if(TARGET praxis_${layer}_${dep})
        target_link_libraries(${lib} PUBLIC praxis_${layer}_${dep})
      endif()
    endforeach()
    list(APPEND libs ${lib})
  endforeach()
  set_property(GLOBAL APPEND PROPERTY PRAXIS_FEATURE_LIBS ${libs})
  set_property(GLOBAL APPEND PROPERTY PRAXIS_FEATURES ${name})
endfunction()
