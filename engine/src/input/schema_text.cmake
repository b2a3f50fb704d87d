# The timeline schema as the loader compiles it: schemas/timeline.schema.json without the
# words editors read (markdownDescription, enumDescriptions, examples, defaultSnippets,
# $comment), which the loader skips and would otherwise parse at every run: the file
# itself is three times the size of what it checks. `description` stays: a pattern's is
# its error message.
set(annals_schema_annotations markdownDescription enumDescriptions markdownEnumDescriptions examples
    defaultSnippets $comment)

# Sets `out` to the JSON text `json` without the annotation members, at any depth.
function(annals_strip_annotations json out)
  string(JSON type TYPE "${json}")
  set(result "${json}")
  if(type STREQUAL "OBJECT" OR type STREQUAL "ARRAY")
    string(JSON count LENGTH "${json}")
    set(i 0)
    while(i LESS count)
      if(type STREQUAL "OBJECT")
        string(JSON key MEMBER "${json}" ${i})
      else()
        set(key ${i})
      endif()
      if(type STREQUAL "OBJECT" AND key IN_LIST annals_schema_annotations)
        string(JSON result REMOVE "${result}" "${key}")
      else()
        string(JSON child_type TYPE "${json}" "${key}")
        if(child_type STREQUAL "OBJECT" OR child_type STREQUAL "ARRAY")
          string(JSON child GET "${json}" "${key}")
          annals_strip_annotations("${child}" stripped)
          string(JSON result SET "${result}" "${key}" "${stripped}")
        endif()
      endif()
      math(EXPR i "${i} + 1")
    endwhile()
  endif()
  set(${out} "${result}" PARENT_SCOPE)
endfunction()
