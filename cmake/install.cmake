# `cmake --install` puts the binary, config and packs in standard places;
# `cpack -G DEB` builds a .deb from the same rules.
include(GNUInstallDirs)
install(TARGETS plainsight RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES packaging/plainsight.toml DESTINATION ${CMAKE_INSTALL_SYSCONFDIR}/plainsight)
install(FILES config/patterns/adult.toml config/patterns/jobs.toml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/plainsight/patterns)
install(FILES config/gazetteer.tsv DESTINATION ${CMAKE_INSTALL_DATADIR}/plainsight)
install(FILES packaging/systemd/plainsight.service packaging/systemd/plainsight.timer
        DESTINATION lib/systemd/system)
install(FILES packaging/cron/plainsight DESTINATION ${CMAKE_INSTALL_SYSCONFDIR}/cron.d
        RENAME plainsight.example)
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME plainsight)
set(CPACK_PACKAGE_CONTACT "plainsight maintainers <plainsight@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Flags adverts showing signs of modern slavery for analyst review")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${PROJECT_SOURCE_DIR}/packaging/debian/postinst")
include(CPack)
