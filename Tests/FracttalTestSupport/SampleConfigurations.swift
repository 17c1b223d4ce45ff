/// Configuration texts that the in-process command tests and the end-to-end tests plan and validate.
public enum SampleConfigurations {
    /// A group and a consumer that a fresh sandbox does not have: a plan of two creations.
    public static let newObjects = """
        version: 1
        permission_groups:
          - name: Integraciones
            description: ERP and BI
            permissions: [assets:view, "work_orders:*"]
        consumers:
          - name: erp-sync
            description: SAP PM integration
            permission_group: Integraciones
            hub: true
        """

    /// One group that a fresh sandbox does not have: an apply that issues no secret.
    public static let newGroup = """
        version: 1
        permission_groups:
          - name: Integraciones
            description: ERP and BI
            permissions: [assets:view]
        """

    /// Declares nothing and prunes nothing: a plan without changes.
    public static let nothing = "version: 1\n"

    /// A consumer whose group exists nowhere and whose grant type is misspelt.
    public static let broken = """
        version: 1
        consumers:
          - name: erp-sync
            grant_type: client_credential
        """
}
