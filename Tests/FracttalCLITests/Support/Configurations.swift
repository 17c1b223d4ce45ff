/// Configuration texts the in-process tests plan and validate.
enum Configurations {
    /// A group and a consumer that a fresh sandbox does not have: a plan of two creations.
    static let newObjects = """
        version: 1
        permission_groups:
          - name: Integraciones
            description: ERP and BI
            permissions: [assets:view, "work_orders:*"]
        consumers:
          - name: erp-sync
            description: SAP PM integration
            permission_group: Integraciones
        """

    /// One group that a fresh sandbox does not have: an apply that issues no secret.
    static let newGroup = """
        version: 1
        permission_groups:
          - name: Integraciones
            description: ERP and BI
            permissions: [assets:view]
        """

    /// Declares nothing and prunes nothing: a plan without changes.
    static let nothing = "version: 1\n"

    /// A consumer whose group exists nowhere and whose grant type is misspelt.
    static let broken = """
        version: 1
        consumers:
          - name: erp-sync
            grant_type: client_credential
        """
}
